"""Every form of a province for a quarter as one CSV: TOKEN=pt_… API=http://host/api/v1 python3 province_forms.py quang-ninh 2023-Q3 > forms.csv"""
import csv, json, os, sys, time, urllib.error, urllib.parse, urllib.request

API, TOKEN, (province, quarter) = os.environ.get("API", "http://localhost:5164/api/v1"), os.environ["TOKEN"], sys.argv[1:3]

def get(path, **query):
    request = urllib.request.Request(f"{API}/{path}?{urllib.parse.urlencode(query)}", headers={"Authorization": f"Bearer {TOKEN}"})
    try:
        with urllib.request.urlopen(request) as response: return json.load(response)
    except urllib.error.HTTPError as e:
        if e.code == 429: time.sleep(int(e.headers.get("Retry-After", "5"))); return get(path, **query)  # the token's rate limit
        if e.code == 404: return None  # this set has no form for this unit in this quarter
        raise

def items(path, **query):  # every page of a list: pass each page's `next` as `cursor`
    while (page := get(path, **query))["next"]: yield from page["items"]; query["cursor"] = page["next"]
    yield from page["items"]

period = next(p for p in items("periods") if p["code"] == quarter)
sets = [s for s in items("criteria-sets") if (s["validFrom"] or "") <= period["endsOn"] and (s["validTo"] or "9999") >= period["startsOn"]]
out = csv.writer(sys.stdout)
out.writerow(["unit", "set", "period", "status", "indicator", "name", "value", "qualifier", "note", "version", "updated_by", "updated_at_utc"])
for unit in items("units", unit=province, validOn=period["endsOn"], limit=1000):
    level = "district" if unit["kind"] == "district" else "commune" if unit["kind"] in ("commune", "town", "ward", "specialZone") else None
    for s in (s for s in sets if s["level"] == level):
        if form := get(f"values/{unit['slug']}/{s['code']}/{quarter}"):
            for v in form["values"]:
                out.writerow([form["unit"], form["set"], form["period"], form["status"], v["indicator"], v["name"], v["value"], v["qualifier"], v["note"], v["version"], v["updatedBy"], v["updatedAtUtc"]])
