#!/usr/bin/python3
"""Adds the second sheet of the demo workbook, 新增线索 (new leads from a
trade fair): ten customers already in fxiaoke-gbk.csv, now claimed by
another rep (撞单 for `crmkit assign`), and six new leads with no owner (for
distribution). Rerun after changing the demo: /usr/bin/python3 add_leads_sheet.py
(needs python3-openpyxl)."""
import csv, datetime, io, subprocess
import openpyxl

import os
crmkit = os.environ.get("CRMKIT", "").split() or ["go", "run", "../../cmd/crmkit"]
canon = subprocess.run(crmkit + ["import", "fxiaoke-gbk.csv", "-q"],
                       capture_output=True, check=True).stdout.decode()
rows = [r for r in csv.DictReader(io.StringIO(canon)) if r["owner"] and r["phone"]][:40:4]
wb = openpyxl.load_workbook("sheet.xlsx")
if "新增线索" in wb.sheetnames:
    del wb["新增线索"]
ws = wb.create_sheet("新增线索")
ws.append(["公司名称", "姓名", "电话", "邮箱", "城市", "销售", "分配时间", "最近联系时间", "备注"])
rivals = ["曾艳", "刘俊", "彭刚", "胡梅", "吴丹"]
for i, r in enumerate(rows):
    rival = rivals[i % len(rivals)]
    if rival == r["owner"]:
        rival = rivals[(i + 1) % len(rivals)]
    ws.append([r["company"], r["name"], r["phone"].split(";")[0].replace("+86", ""), r["email"], r["city"],
               rival, datetime.datetime(2025, 12, 20 + i % 10, 10, 0), datetime.datetime(2025, 12, 21 + i % 9, 15, 30),
               "展会名片，销售自行录入"])
for i, (company, name, phone, city) in enumerate([
    ("杭州启明星电子有限公司", "周明", "13905710001", "杭州"),
    ("南京瑞丰包装材料有限公司", "陈静", "13851230002", "南京"),
    ("成都蜀光照明科技有限公司", "李强", "13880240003", "成都"),
    ("Blue Harbor Logistics Ltd.", "Emma Clark", "+1 415 555 0104", "San Francisco"),
    ("广州市粤海食品有限公司", "黄丽", "13902200005", "广州"),
    ("武汉长江智造有限公司", "刘洋", "13807100006", "武汉"),
]):
    ws.append([company, name, phone, "", city, "", None, None, "展会新线索，未分配"])
wb.save("sheet.xlsx")
