"""Header texts of the report in the UI languages (zh, en). One key, one text per language."""
from __future__ import annotations

LANGUAGES = ("zh", "en")

_TEXTS = {
    # key: (zh, en)
    "summary_sheet": ("汇总", "Summary"),
    "summary_title": ("校准记录汇总", "Calibration records summary"),
    "record_title": ("校准原始记录", "Calibration Record"),
    "index": ("序号", "No."),
    "number": ("记录编号", "Record No."),
    "customer": ("委托单位", "Customer"),
    "instrument": ("器具名称", "Instrument"),
    "model": ("型号", "Model"),
    "manufacturer": ("制造厂", "Manufacturer"),
    "serial": ("计量器具编号", "Serial / asset No."),
    "firmware": ("版本号", "Firmware"),
    "category": ("检定校准分类", "Category"),
    "procedure": ("依据技术文件", "Procedure"),
    "location": ("校准地点", "Location"),
    "calibration_date": ("校准日期", "Calibration date"),
    "temperature": ("环境温度 (℃)", "Temperature (℃)"),
    "humidity": ("相对湿度 (%RH)", "Humidity (%RH)"),
    "pressure": ("大气压 (kPa)", "Air pressure (kPa)"),
    "standards": ("本次校准所用计量标准", "Measurement standards used"),
    "standard_name": ("标准器名称", "Standard"),
    "standard_serial": ("编号", "Serial No."),
    "certificate": ("证书编号", "Certificate No."),
    "due_date": ("有效期至", "Due date"),
    "standard_uncertainty": ("不确定度 / 准确度等级", "Uncertainty / class"),
    "results": ("校准结果", "Results"),
    "quantity": ("测量项目", "Quantity"),
    "unit": ("单位", "Unit"),
    "standard_value": ("标准值", "Standard value"),
    "reading": ("被校示值", "Reading"),
    "error": ("示值误差", "Error"),
    "tolerance": ("最大允许误差 (±)", "Tolerance (±)"),
    "uncertainty": ("扩展不确定度 U (k=2)", "Expanded uncertainty U (k=2)"),
    "verdict": ("结论", "Result"),
    "photo": ("屏幕照片", "Screen photo"),
    "conclusion": ("校准结论", "Conclusion"),
    "remarks": ("备注", "Remarks"),
    "technician": ("校准员", "Calibrated by"),
    "checker": ("核验员", "Checked by"),
    "signature": ("签名", "Signature"),
    "date": ("日期", "Date"),
    "pass": ("合格", "Pass"),
    "fail": ("不合格", "Fail"),
    "page_footer": ("第 &P 页 共 &N 页", "Page &P of &N"),
}


def labels_for(lang: str) -> dict[str, str]:
    if lang not in LANGUAGES:
        raise ValueError(f"report language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    column = LANGUAGES.index(lang)
    return {key: texts[column] for key, texts in _TEXTS.items()}
