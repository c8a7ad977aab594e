#!/usr/bin/env python3
"""Excel workbooks for fourw's tests, sample data and benchmark, written with
the standard library only (zipfile + XML text), byte for byte the same on
every run (fixed timestamps, fixed order).

  make_workbooks.py twin SHEET.csv OUT.xlsx
      The workbook a partner would have saved that CSV from: title rows
      merged across the header's width, dd/mm/yyyy cells as date serials
      with a dd/mm/yyyy format, mm/yyyy months as dates with an mm/yyyy
      format, whole numbers as numbers, the rest as shared strings, and the
      Total column as a SUM formula with its cached value.
  make_workbooks.py bench SHEET.csv OUT.xlsx
      The same, streamed (for build-bench's million-row sheet): ISO dates
      (yyyy-mm-dd) become date serials too.
  make_workbooks.py fixtures DIR
      The unit and command-line test workbooks (tests/fixtures/workbooks/
      README.md says what each holds).
  make_workbooks.py xls OUT.xls
      An old binary .xls (BIFF8) with a header, numbers, a date and a text:
      this one needs Debian's python3-xlwt (the standard library writes no
      BIFF); its output is committed (tests/fixtures/workbooks/sheet.xls).
  make_workbooks.py xlstwin SHEET.csv OUT.xls
      The old binary .xls a partner would have saved that CSV from (CSV in
      UTF-8 or Windows-1252, comma or semicolon): dates as date cells with
      their dd/mm/yyyy, mm/yyyy or yyyy-mm-dd format, whole numbers as
      numbers, the rest as text; needs python3-xlwt, like xls.
  make_workbooks.py seeds DIR
      Seeds for the workbook fuzz target (make fuzz): the test workbooks
      again, stored without compression so that mutations reach the XML.
"""
import csv
import datetime
import io
import re
import struct
import sys
import zipfile
from xml.sax.saxutils import escape

STAMP = (2024, 1, 1, 0, 0, 0)
COMPRESS = zipfile.ZIP_DEFLATED
EPOCH = datetime.date(1899, 12, 30)
EPOCH_1904 = datetime.date(1904, 1, 1)

# cellXfs: 0 General, 1 built-in 14 (a date), 2 dd/mm/yyyy, 3 mm/yyyy,
# 4 a number with "days" in quotes (no date), 5 built-in 20 (h:mm, a time)
NUMFMTS = [(164, 'dd/mm/yyyy'), (165, 'mm/yyyy'), (166, '0" days"')]
XFS = [0, 14, 164, 165, 166, 20]
S_DATE, S_DMY, S_MY, S_DAYS, S_TIME = 1, 2, 3, 4, 5


class Inline(str):
    """A string written inline in the cell (t="inlineStr")."""


class Rich:
    """A shared string in runs, with a phonetic reading that is not text."""
    def __init__(self, runs, phonetic=''):
        self.runs, self.phonetic = runs, phonetic


class Formula:
    def __init__(self, formula, cached):
        self.formula, self.cached = formula, cached


class Error(str):
    """An error value such as #N/A (t="e")."""


class Num:
    """A number as its stored text, with a style."""
    def __init__(self, text, style=0):
        self.text, self.style = text, style


def serial(d, date1904=False):
    if isinstance(d, datetime.datetime):
        base = datetime.datetime.combine(EPOCH_1904 if date1904 else EPOCH, datetime.time())
        delta = d - base
        return repr(delta.days + delta.seconds / 86400)
    return str((d - (EPOCH_1904 if date1904 else EPOCH)).days)


def col_name(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class Strings:
    def __init__(self):
        self.index, self.items = {}, []

    def get(self, s):
        key = s if isinstance(s, str) else ('rich', tuple(s.runs), s.phonetic)
        if key not in self.index:
            self.index[key] = len(self.items)
            self.items.append(s)
        return self.index[key]

    def xml(self):
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://'
               'schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
               % (len(self.items), len(self.items))]
        for s in self.items:
            if isinstance(s, Rich):
                runs = ''.join('<r><rPr><b/></rPr><t xml:space="preserve">%s</t></r>' % escape(r)
                               for r in s.runs)
                ph = ('<rPh sb="0" eb="1"><t>%s</t></rPh>' % escape(s.phonetic)
                      if s.phonetic else '')
                out.append('<si>%s%s</si>' % (runs, ph))
            else:
                out.append('<si><t xml:space="preserve">%s</t></si>' % escape(s))
        out.append('</sst>')
        return ''.join(out)


def cell_xml(ref, v, strings, date1904=False):
    if v is None:
        return ''
    if isinstance(v, tuple) and v[0] == 'empty':          # an empty styled cell
        return '<c r="%s" s="%d"/>' % (ref, v[1])
    if isinstance(v, bool):
        return '<c r="%s" t="b"><v>%d</v></c>' % (ref, v)
    if isinstance(v, Formula):
        c = v.cached
        t = ' t="str"' if isinstance(c, str) else ''
        return '<c r="%s"%s><f>%s</f><v>%s</v></c>' % (ref, t, escape(v.formula), escape(str(c)))
    if isinstance(v, Error):
        return '<c r="%s" t="e"><v>%s</v></c>' % (ref, escape(v))
    if isinstance(v, Inline):
        return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v))
    if isinstance(v, (str, Rich)):
        return '<c r="%s" t="s"><v>%d</v></c>' % (ref, strings.get(v))
    if isinstance(v, Num):
        return '<c r="%s" s="%d"><v>%s</v></c>' % (ref, v.style, v.text)
    if isinstance(v, datetime.date):
        return '<c r="%s" s="%d"><v>%s</v></c>' % (ref, S_DATE, serial(v, date1904))
    if isinstance(v, tuple):                               # (date, style)
        return '<c r="%s" s="%d"><v>%s</v></c>' % (ref, v[1], serial(v[0], date1904))
    return '<c r="%s"><v>%s</v></c>' % (ref, v)


def row_xml(r, cells, strings, hidden=False, date1904=False):
    body = ''.join(cell_xml('%s%d' % (col_name(i), r), v, strings, date1904)
                   for i, v in enumerate(cells))
    return '<row r="%d"%s>%s</row>' % (r, ' hidden="1"' if hidden else '', body)


SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://'
              'schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
              'openxmlformats.org/officeDocument/2006/relationships">')


def sheet_xml(rows, strings, hidden_rows=(), hidden_cols=(), merges=(), date1904=False):
    """rows: {row number: [cells]}."""
    out = [SHEET_HEAD]
    if hidden_cols:
        out.append('<cols>%s</cols>' % ''.join(
            '<col min="%d" max="%d" width="9" hidden="1" customWidth="1"/>' % (a, b)
            for a, b in hidden_cols))
    out.append('<sheetData>')
    for r in sorted(rows):
        out.append(row_xml(r, rows[r], strings, r in hidden_rows, date1904))
    out.append('</sheetData>')
    if merges:
        out.append('<mergeCells count="%d">%s</mergeCells>' % (
            len(merges), ''.join('<mergeCell ref="%s"/>' % m for m in merges)))
    out.append('</worksheet>')
    return ''.join(out)


def styles_xml():
    fmts = ''.join('<numFmt numFmtId="%d" formatCode="%s"/>' % (i, escape(c, {'"': '&quot;'}))
                   for i, c in NUMFMTS)
    xfs = ''.join('<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0"%s/>'
                  % (f, ' applyNumberFormat="1"' if f else '') for f in XFS)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://'
            'schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="%d">%s</numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            '</cellStyleXfs><cellXfs count="%d">%s</cellXfs></styleSheet>'
            % (len(NUMFMTS), fmts, len(XFS), xfs))


def workbook_parts(names, date1904=False, hidden_sheets=()):
    ns = 'http://schemas.openxmlformats.org/'
    sheets = ''.join('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>'
                     % (escape(n, {'"': '&quot;'}), i + 1,
                        ' state="hidden"' if n in hidden_sheets else '', i + 1)
                     for i, n in enumerate(names))
    book = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="%s'
            'spreadsheetml/2006/main" xmlns:r="%sofficeDocument/2006/relationships">'
            '<workbookPr%s/><sheets>%s</sheets></workbook>'
            % (ns, ns, ' date1904="1"' if date1904 else '', sheets))
    rel = ns + 'officeDocument/2006/relationships/'
    rels = ''.join('<Relationship Id="rId%d" Type="%sworksheet" Target="worksheets/sheet%d.xml"/>'
                   % (i + 1, rel, i + 1) for i in range(len(names)))
    n = len(names)
    rels += ('<Relationship Id="rId%d" Type="%sstyles" Target="styles.xml"/>'
             '<Relationship Id="rId%d" Type="%ssharedStrings" Target="/xl/sharedStrings.xml"/>'
             % (n + 1, rel, n + 2, rel))
    book_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s'
                 '</Relationships>' % rels)
    top_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="%sofficeDocument" Target="xl/workbook.xml"/>'
                '</Relationships>' % rel)
    over = ''.join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1)
                   for i in range(n))
    over += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
             'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override '
             'PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.spreadsheetml.styles+xml"/>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
             'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
             'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default '
             'Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.'
             'xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
             'sheet.main+xml"/>%s</Types>' % over)
    return [('[Content_Types].xml', types), ('_rels/.rels', top_rels),
            ('xl/workbook.xml', book), ('xl/_rels/workbook.xml.rels', book_rels),
            ('xl/styles.xml', styles_xml())]


def put(z, name, text):
    info = zipfile.ZipInfo(name, STAMP)
    info.compress_type = COMPRESS
    z.writestr(info, text.encode('utf-8') if isinstance(text, str) else text)


def write_book(path, sheets, date1904=False, hidden_sheets=()):
    """sheets: [(name, rows, options)]; options as sheet_xml's keywords."""
    strings = Strings()
    xmls = [sheet_xml(rows, strings, date1904=date1904, **opts) for _, rows, opts in sheets]
    with zipfile.ZipFile(path, 'w') as z:
        for name, text in workbook_parts([s[0] for s in sheets], date1904, hidden_sheets):
            put(z, name, text)
        for i, x in enumerate(xmls):
            put(z, 'xl/worksheets/sheet%d.xml' % (i + 1), x)
        put(z, 'xl/sharedStrings.xml', strings.xml())


# ---- a CSV sheet as the workbook it was saved from ----------------------------

DMY = re.compile(r'^(\d\d)/(\d\d)/(\d{4})$')
MY = re.compile(r'^(\d\d)/(\d{4})$')
ISO = re.compile(r'^(\d{4})-(\d\d)-(\d\d)$')
WHOLE = re.compile(r'^(0|[1-9]\d{0,14})$')


def typed(text):
    """A CSV cell as Excel would have stored it."""
    m = DMY.match(text)
    if m:
        return (datetime.date(int(m[3]), int(m[2]), int(m[1])), S_DMY)
    m = MY.match(text)
    if m:
        return (datetime.date(int(m[2]), int(m[1]), 1), S_MY)
    m = ISO.match(text)
    if m:
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    if WHOLE.match(text):
        return int(text)
    return text if text else None


def with_formula(cells, row, total):
    """The Total cell as =SUM of the four cells before it, when they add up."""
    before = cells[total - 4:total]
    if total >= 4 and all(isinstance(c, int) for c in before) and \
            isinstance(cells[total], int) and sum(before) == cells[total]:
        cells[total] = Formula('SUM(%s%d:%s%d)' % (col_name(total - 4), row,
                                                   col_name(total - 1), row), cells[total])
    return cells


def header_index(rows):
    for i, r in enumerate(rows):
        if sum(1 for c in r if c.strip()) >= 5:
            return i
    return 0


def twin(src, out):
    with open(src, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    h = header_index(rows)
    width = len(rows[h])
    total = next((i for i, c in enumerate(rows[h]) if c.strip().lower().startswith('total')), -1)
    sheet, merges = {}, []
    for i, r in enumerate(rows):
        cells = [typed(c) if i > h else (c or None) for c in r]
        if not any(c is not None for c in cells):
            continue                      # Excel writes no row for an empty one
        if i > h and total >= 0:
            cells = with_formula(cells, i + 1, total)
        if i < h and sum(1 for c in cells if c is not None) == 1:
            merges.append('A%d:%s%d' % (i + 1, col_name(width - 1), i + 1))
            cells = cells[:1]
        sheet[i + 1] = cells
    write_book(out, [('4W', sheet, {'merges': merges})])


# ---- a million rows, streamed --------------------------------------------------

def bench(src, out):
    strings = Strings()
    with open(src, encoding='utf-8', newline='') as f, zipfile.ZipFile(out, 'w') as z:
        for name, text in workbook_parts(['4W']):
            put(z, name, text)
        info = zipfile.ZipInfo('xl/worksheets/sheet1.xml', STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, 'w', force_zip64=True) as w:
            w.write(SHEET_HEAD.encode() + b'<sheetData>')
            buf = []
            for i, r in enumerate(csv.reader(f)):
                cells = [typed(c) if i else (c or None) for c in r]
                buf.append(row_xml(i + 1, cells, strings))
                if len(buf) == 5000:
                    w.write(''.join(buf).encode('utf-8'))
                    buf = []
            w.write(''.join(buf).encode('utf-8') + b'</sheetData></worksheet>')
        put(z, 'xl/sharedStrings.xml', strings.xml())


# ---- the test workbooks ----------------------------------------------------------

HEADER = ['Organization', 'Region', 'Cercle', 'Intervention type', 'Activity', 'Status',
          'Start date', 'Reporting month', 'Girls', 'Boys', 'Women', 'Men', 'Total',
          'Verified', 'Note']


def features(path):
    d = datetime.date
    data = {
        1: ['Matrice 4W – test (illustratif)', ('empty', 0), ('empty', 0)],
        3: HEADER,
        4: ['IRC', Inline('Mopti'), 'Bandiagara', 'Soutien psychosocial', 'Group PSS sessions',
            'Ongoing', d(2024, 1, 15), (d(2024, 1, 1), S_MY), 30, 20, 10, 0,
            Formula('SUM(I4:L4)', 60), True, Error('#N/A')],
        5: ['DRC', 'Mopti', 'Bankass', 'Awareness raising',
            Rich(['Community', ', dialogues'], 'komyunitei'), 'Ongoing',
            (datetime.datetime(2024, 2, 1, 18, 0), S_DMY), '2024-02', 40, 30, 50, 30,
            Formula('SUM(I5:L5)', 150), False, Formula('"ok"&"!"', 'ok!')],
        7: ['Plan', 'Mopti', 'Djenné', 'Case management', 'Say "hello", kids\nLine two',
            'Ongoing', Num('45352', S_DAYS), Num('0.5', S_TIME), 5, 5, 0, 0,
            Num('10.000000000000002'), None, Num('0.30000000000000004')],
    }
    sheets = [
        ('Lisez-moi', {1: ['Ce classeur sert aux tests de fourw.'],
                       2: ['Les données sont dans la feuille Données.']}, {}),
        ('Données', data, {'hidden_rows': {5}, 'hidden_cols': [(3, 3)],
                           'merges': ['A1:O1']}),
        ('Listes', {1: ['Region'], 2: ['Mopti'], 3: ['Gao']}, {}),
    ]
    write_book(path, sheets)


def dates1904(path):
    write_book(path, [('1904', {1: HEADER[:8], 2: ['IRC', 'Mopti', 'Bandiagara', 'GC', 'x',
                                                    'Ongoing', datetime.date(2024, 1, 15),
                                                    '2024-01']}, {})], date1904=True)


def bomb(path):
    """A worksheet of 8 MiB of spaces: ratio about 1000, over the limit."""
    strings = Strings()
    x = sheet_xml({1: HEADER}, strings)
    x = x.replace('<sheetData>', '<sheetData>' + ' ' * (8 << 20))
    with zipfile.ZipFile(path, 'w') as z:
        for name, text in workbook_parts(['Bomb']):
            put(z, name, text)
        put(z, 'xl/worksheets/sheet1.xml', x)
        put(z, 'xl/sharedStrings.xml', strings.xml())


def bad_xml(path):
    with zipfile.ZipFile(path, 'w') as z:
        for name, text in workbook_parts(['Broken']):
            put(z, name, text)
        put(z, 'xl/worksheets/sheet1.xml', SHEET_HEAD + '<sheetData><row r="1"><c r="A1">')
        put(z, 'xl/sharedStrings.xml', Strings().xml())


def cfb(streams):
    """A compound file (the container of .xls and of encrypted Office files)
    holding the given streams, all empty: 512-byte sectors, one FAT sector,
    one directory sector."""
    free, end, fat_sec = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = struct.pack('<8s16sHHHHHH6sIIIIIIIII', bytes.fromhex('D0CF11E0A1B11AE1'),
                         bytes(16), 0x3E, 3, 0xFFFE, 9, 6, 0, bytes(6), 0, 1, 1, 0, 4096,
                         end, 0, end, 0)
    header += struct.pack('<I', 0) + struct.pack('<I', free) * 108
    fat = struct.pack('<II', fat_sec, end) + struct.pack('<I', free) * 126

    def entry(name, kind, child=free, right=free):
        n = (name + '\0').encode('utf-16-le')
        return struct.pack('<64sHBBIII16sIQQIII', n, len(n), kind, 1, free, right, child,
                           bytes(16), 0, 0, 0, end if kind == 5 else 0, 0, 0)
    ents = [entry('Root Entry', 5, child=1)]
    for i, name in enumerate(streams):
        ents.append(entry(name, 2, right=i + 2 if i + 1 < len(streams) else free))
    while len(ents) < 4:
        ents.append(bytes(128))
    return header + fat + b''.join(ents)


def fixtures(folder):
    features(folder + '/features.xlsx')
    dates1904(folder + '/dates1904.xlsx')
    bomb(folder + '/bomb.xlsx')
    bad_xml(folder + '/bad_xml.xlsx')
    with open(folder + '/features.xlsx', 'rb') as f:
        whole = f.read()
    with open(folder + '/truncated.xlsx', 'wb') as f:
        f.write(whole[:len(whole) * 2 // 3])
    with open(folder + '/encrypted.xlsx', 'wb') as f:
        f.write(cfb(['EncryptionInfo', 'EncryptedPackage']))
    with open(folder + '/not_a_book.xlsx', 'w', encoding='utf-8') as f:
        f.write('Organization,Region\nIRC,Mopti\n')


def seeds(folder):
    global COMPRESS
    COMPRESS = zipfile.ZIP_STORED
    features(folder + '/features.xlsx')
    dates1904(folder + '/dates1904.xlsx')
    bad_xml(folder + '/bad_xml.xlsx')
    d = datetime.date
    write_book(folder + '/small.xlsx', [('S', {1: ['Titre'], 3: HEADER[:13], 4: [
        'IRC', 'Mopti', 'Bandiagara', 'GC', Inline('x'), 'Ongoing', d(2024, 1, 2),
        (d(2024, 1, 1), S_MY), 1, 2, 3, 4, Formula('SUM(I4:L4)', 10)]},
        {'hidden_rows': {4}, 'hidden_cols': [(2, 2)], 'merges': ['A1:M1']})])
    with open(folder + '/encrypted.xlsx', 'wb') as f:
        f.write(cfb(['EncryptionInfo', 'EncryptedPackage']))


def xls(path):
    import xlwt                       # Debian's python3-xlwt; only this mode needs it
    book = xlwt.Workbook(encoding='utf-8')
    notes = book.add_sheet('Notes')
    notes.write(0, 0, 'Classeur de test (xls)')
    sheet = book.add_sheet('Données')
    day = xlwt.easyxf(num_format_str='dd/mm/yyyy')
    sheet.write(0, 0, 'Suivi 4W')
    for c, h in enumerate(HEADER[:13]):
        sheet.write(2, c, h)
    rows = [['IRC', 'Mopti', 'Bandiagara', 'Soutien psychosocial', 'Group PSS sessions',
             'Ongoing', datetime.date(2024, 1, 15), '2024-01', 30, 20, 10, 0, 60],
            ['DRC', 'Mopti', 'Bankass', 'Awareness raising', 'Dialogues, communautaires',
             'Ongoing', datetime.date(2024, 2, 1), '2024-02', 40, 30, 50, 30, 150.0]]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if isinstance(v, datetime.date):
                sheet.write(3 + r, c, v, day)
            else:
                sheet.write(3 + r, c, v)
    book.save(path)


def read_sheet_text(src):
    """The rows of a CSV as a partner's Excel would have opened it: UTF-8
    (with or without BOM), else Windows-1252; a semicolon or a comma."""
    raw = open(src, 'rb').read()
    try:
        text = raw.decode('utf-8-sig')
    except UnicodeDecodeError:
        text = raw.decode('cp1252')
    first = text.split('\n', 1)[0]
    sep = ';' if first.count(';') > first.count(',') else ','
    return list(csv.reader(io.StringIO(text, newline=''), delimiter=sep))


def xlstwin(src, out):
    import xlwt                       # Debian's python3-xlwt, as for xls
    formats = {S_DMY: 'dd/mm/yyyy', S_MY: 'mm/yyyy', None: 'yyyy-mm-dd'}
    styles = {k: xlwt.easyxf(num_format_str=v) for k, v in formats.items()}
    book = xlwt.Workbook(encoding='utf-8')
    sheet = book.add_sheet('4W')
    rows = read_sheet_text(src)
    h = header_index(rows)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            v = typed(text) if r > h else (text or None)
            if v is None:
                continue
            if isinstance(v, tuple):
                sheet.write(r, c, v[0], styles[v[1]])
            elif isinstance(v, datetime.date):
                sheet.write(r, c, v, styles[None])
            else:
                sheet.write(r, c, v)
    book.save(out)


def main(argv):
    if len(argv) == 4 and argv[1] == 'twin':
        twin(argv[2], argv[3])
    elif len(argv) == 4 and argv[1] == 'bench':
        bench(argv[2], argv[3])
    elif len(argv) == 3 and argv[1] == 'fixtures':
        fixtures(argv[2])
    elif len(argv) == 3 and argv[1] == 'xls':
        xls(argv[2])
    elif len(argv) == 4 and argv[1] == 'xlstwin':
        xlstwin(argv[2], argv[3])
    elif len(argv) == 3 and argv[1] == 'seeds':
        seeds(argv[2])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv)
