# Seeds the case search read model (TSV files for LOAD DATA; see README.md here) with N synthetic cases (the size of the open work of issue 9) for EXPLAIN and timing.
import hmac, hashlib, random, datetime, sys, os
OUT = os.environ.get("OUT", "/tmp/searchbench")
os.makedirs(OUT, exist_ok=True)
N = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
KEY = b"bench-search-key-0123456789"
random.seed(9)
W = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; C = "10X98765432"
def rid(area, n):
    b = datetime.date(1950,1,1) + datetime.timedelta(days=n % 25000)
    f = "%s%04d%02d%02d%03d" % (area, b.year, b.month, b.day, n % 1000)
    return f + C[sum(int(f[i])*W[i] for i in range(17)) % 11]
def h(i): return hmac.new(KEY, ("doudi.search.id-number.v1:" + i).encode(), hashlib.sha256).hexdigest()
counties = ["130102", "130104"] + ["13%04d" % (1100 + k) for k in range(38)]
townships = []
for c in counties:
    base = 100 if c != "130104" else 200
    for t in range(5): townships.append(c + "%03d" % (base + t))
a1 = "130102100"; county_a = [t for t in townships if t.startswith("130102") and t != a1]
others = [t for t in townships if not t.startswith("130102")]
def township():
    r = random.random()
    if r < 0.01: return a1
    if r < 0.05: return random.choice(county_a)
    return random.choice(others)
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
weights = [7.1,7.0,6.8,5.4,4.5,3.1,2.1,2.0,1.9,1.6] + [0.8]*(len(surnames)-10)
given_chars = "芳伟娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉鹏飞林云峰宇浩凯俊波斌亮志新春梅燕雪晶琳颖婷慧丹宁海东成荣福贵生德兴永"
givens = list(given_chars) + [a + b for a in given_chars[:20] for b in given_chars[20:40]]
statuses = ["SUBMITTED","INVESTIGATION","TOWNSHIP_REVIEW","PUBLIC_NOTICE","COUNTY_DECISION","APPROVED","REJECTED","NOT_ACCEPTED"]
sw = [10,25,15,10,10,20,6,4]
progs = ["DIBAO","TEKUN","TEMPORARY"]; pref = {"DIBAO":"DB","TEKUN":"TK","TEMPORARY":"LS"}
start = datetime.datetime(2025,1,1)
villages = set()
e = open(OUT + "/entry.tsv","w"); p = open(OUT + "/person.tsv","w"); probe = open(OUT + "/probe.txt","w")
n = 0
for k in range(N):
    cid = 1000000 + k
    t = township(); v = t + "%03d" % (201 + random.randrange(10)); villages.add(v)
    prog = random.choices(progs, [70,10,20])[0]
    st = random.choices(statuses, sw)[0]
    at = start + datetime.timedelta(seconds=random.randrange(700*86400))
    size = random.choice([1,2,2,3,3,3,4,4,5])
    people = []
    for i in range(size):
        n += 1
        people.append((random.choices(surnames, weights)[0] + random.choice(givens), rid(t[:6], n * 7 + 3)))
    name0, id0 = people[0]
    e.write("\t".join([str(cid), "%s-%d-%s-%06d" % (pref[prog], at.year, t, k % 1000000), prog, st, t[:6], t, v, name0,
        id0[:6] + "********" + id0[-4:], at.strftime("%Y-%m-%d %H:%M:%S.%f"), "benchkey"]) + "\n")
    for i, (nm, i18) in enumerate(people):
        p.write("\t".join([str(cid), str(i), nm, h(i18), t[:6], t]) + "\n")
    if k % 20011 == 0: probe.write("%s\t%s\t%s\t%s\n" % (t, people[-1][1], name0, "%s-%d-%s-%06d" % (pref[prog], at.year, t, k % 1000000)))
e.close(); p.close(); probe.close()
with open(OUT + "/region.tsv","w") as r:
    for c in counties: r.write("%s\t县%s\tCOUNTY\t\\N\n" % (c, c))
    for t in townships: r.write("%s\t镇%s\tTOWNSHIP\t%s\n" % (t, t, t[:6]))
    for v in sorted(villages): r.write("%s\t村%s\tVILLAGE\t%s\n" % (v, v, v[:9]))
print("entries", N, "persons", n)
