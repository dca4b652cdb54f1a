<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="53"/>
        <source>&amp;Open images…</source>
        <translation>打开图片(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="53"/>
        <source>Open image files</source>
        <translation>打开图片文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="54"/>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="54"/>
        <source>Read every image in a folder</source>
        <translation>读取文件夹中的所有图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="55"/>
        <source>&amp;Paste image</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="55"/>
        <source>Read the image on the clipboard</source>
        <translation>读取剪贴板中的图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="56"/>
        <source>&amp;Read again</source>
        <translation>重新识别(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="56"/>
        <source>Read the current image again</source>
        <translation>重新识别当前图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="57"/>
        <source>&amp;Stop the queue</source>
        <translation>停止队列(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="57"/>
        <source>Do not read the images still waiting</source>
        <translation>不再识别等待中的图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="58"/>
        <source>Reopen &amp;last session</source>
        <translation>重新打开上次会话(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="59"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="60"/>
        <source>&amp;Live camera</source>
        <translation>实时相机(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="60"/>
        <source>Start or stop the live camera</source>
        <translation>开启或关闭实时相机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="61"/>
        <source>&amp;Freeze</source>
        <translation>冻结画面(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="61"/>
        <source>Freeze the picture</source>
        <translation>冻结当前画面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="62"/>
        <source>&amp;Capture</source>
        <translation>采集(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="62"/>
        <source>Record the stable readings with this picture</source>
        <translation>记录稳定读数及当前画面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="63"/>
        <source>&amp;Correct value</source>
        <translation>更正数值(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="63"/>
        <source>Correct the selected value</source>
        <translation>更正所选数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="64"/>
        <source>&amp;Previous image</source>
        <translation>上一张(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="65"/>
        <source>&amp;Next image</source>
        <translation>下一张(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="66"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="67"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="68"/>
        <source>&amp;Fit to window</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="69"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="70"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="71"/>
        <source>Switch &amp;language (中文 / English)</source>
        <translation>切换语言(&amp;L)（中文 / English）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="80"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="109"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="110"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="111"/>
        <source>&amp;Camera</source>
        <translation>相机(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="112"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
</context>
<context>
    <name>BoxesModel</name>
    <message>
        <location filename="../../desktop/ui/models/boxes_model.py" line="44"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/boxes_model.py" line="44"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/boxes_model.py" line="81"/>
        <source>The text cannot be empty</source>
        <translation>文本不能为空</translation>
    </message>
</context>
<context>
    <name>CameraBar</name>
    <message>
        <location filename="../../desktop/ui/widgets/camera_bar.py" line="50"/>
        <source>Camera</source>
        <translation>相机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/camera_bar.py" line="51"/>
        <source>Camera:</source>
        <translation>相机：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/camera_bar.py" line="53"/>
        <source>Camera %1</source>
        <translation>相机 %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="138"/>
        <source>Models loaded in %1 s</source>
        <translation>模型已加载，用时 %1 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="144"/>
        <source>The OCR models could not be loaded: %1</source>
        <translation>无法加载识别模型：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="204"/>
        <source>Saved: %1 → %2</source>
        <translation>已保存：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="254"/>
        <source>Stable: %1 of %2</source>
        <translation>稳定：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="268"/>
        <source>No stable reading yet: hold the camera still. The picture was kept.</source>
        <translation>尚无稳定读数：请保持相机不动。画面已保存。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="270"/>
        <source>Captured %n stable reading(s)</source>
        <translation>
            <numerusform>已采集 %n 个稳定读数</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="313"/>
        <source>The new data folder is used from the next start.</source>
        <translation>新的数据文件夹将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="328"/>
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
    <name>QueueModel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/models/queue_model.py" line="76"/>
        <source>%n reading(s)</source>
        <translation>
            <numerusform>%n 个读数</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/models/queue_model.py" line="78"/>
        <source>%n correction(s)</source>
        <translation>
            <numerusform>%n 处更正</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/queue_model.py" line="80"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/queue_model.py" line="80"/>
        <source>Reading…</source>
        <translation>识别中…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/queue_model.py" line="81"/>
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
        <location filename="../../desktop/ui/models/readings_model.py" line="69"/>
        <source>Key</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/readings_model.py" line="69"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/readings_model.py" line="69"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/readings_model.py" line="69"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/readings_model.py" line="69"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/readings_model.py" line="114"/>
        <source>Low confidence: please check this value</source>
        <translation>置信度低：请核对该数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/readings_model.py" line="166"/>
        <source>Refused: %1</source>
        <translation>未接受：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/readings_model.py" line="170"/>
        <source>Stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/readings_model.py" line="171"/>
        <source>Settling %1/%2</source>
        <translation>稳定中 %1/%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/readings_model.py" line="173"/>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/readings_model.py" line="175"/>
        <source>Check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/readings_model.py" line="176"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>ReadingsPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/readings_panel.py" line="72"/>
        <source>Readings</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/readings_panel.py" line="73"/>
        <source>Text boxes</source>
        <translation>文本框</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/readings_panel.py" line="74"/>
        <source>Double-click or press F2 to correct a value. Corrections are saved at once and become training data.</source>
        <translation>双击或按 F2 更正数值。更正会立即保存，并用作模型训练数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/readings_panel.py" line="136"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../desktop/ui/session.py" line="98"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="17"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="21"/>
        <source>Automatic (GPU if present)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="21"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="22"/>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="26"/>
        <source>%1 px</source>
        <translation>%1 像素</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="29"/>
        <source>frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="34"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="37"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="41"/>
        <source>Default user data folder</source>
        <translation>默认用户数据文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="42"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="50"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="51"/>
        <source>Detection size:</source>
        <translation>检测尺寸：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="52"/>
        <source>Stable after:</source>
        <translation>稳定所需：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="53"/>
        <source>Low confidence below:</source>
        <translation>低置信度阈值：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="54"/>
        <source>Instrument template:</source>
        <translation>仪器模板：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="55"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="56"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
</context>
<context>
    <name>SourcesMixin</name>
    <message>
        <location filename="../../desktop/ui/sources.py" line="34"/>
        <source>No images in %1</source>
        <translation>%1 中没有图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources.py" line="64"/>
        <source>Nothing to read: copy or drop an image or an image file.</source>
        <translation>没有可识别的内容：请复制或拖入图片或图片文件。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="39"/>
        <source>Latency: %1 ms</source>
        <translation>耗时：%1 毫秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="44"/>
        <source>FPS: –</source>
        <translation>帧率：–</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="46"/>
        <source>FPS: camera %1, OCR %2</source>
        <translation>帧率：相机 %1，识别 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="51"/>
        <source>Device: loading models…</source>
        <translation>设备：正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="52"/>
        <source>Model: –</source>
        <translation>模型：–</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="54"/>
        <source>Device: unavailable</source>
        <translation>设备：不可用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="55"/>
        <source>Model: not loaded</source>
        <translation>模型：未加载</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="57"/>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_bar.py" line="58"/>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
</context>
</TS>
