"""tests/structtree.py — the structure tree of a tagged PDF as poppler reads it
(`pdfinfo -struct-text`: each element with its attributes and the text of its marked content,
in tree order), for the checks in pdfa_check.py and roundtrip.py. Independent of hyoka."""
import re
import subprocess

ELEM_RE = re.compile(r"^( *)([A-Za-z][A-Za-z0-9]*)(?: \((?:block|inline)\))?(:?)$")
ATTR_RE = re.compile(r"^ *(/\w+) (.*)$")
TEXT_RE = re.compile(r'^ *"(.*)"$')


class Node:
    def __init__(self, type_, depth, parent):
        self.type = type_
        self.depth = depth
        self.parent = parent
        self.attrs = {}
        self.parts = []      # own text and children, in order
        self.children = []

    def text(self):
        """All text of the element and its descendants, in tree order."""
        return "".join(p if isinstance(p, str) else p.text() for p in self.parts)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def attr_int(self, name, default=1):
        v = self.attrs.get(name)
        try:
            return int(v) if v is not None else default
        except ValueError:
            return default


def read(pdf):
    """The root (a pseudo-node of type 'StructTreeRoot') of pdf's structure tree."""
    out = subprocess.run(["pdfinfo", "-struct-text", pdf], capture_output=True, check=True).stdout
    lines = out.decode("utf-8", "replace").split("\n")
    root = Node("StructTreeRoot", -1, None)
    stack = [root]
    last = root
    for line in lines:
        if not line.strip():
            continue
        m = TEXT_RE.match(line)
        if m:
            indent = len(line) - len(line.lstrip(" "))
            while len(stack) > 1 and stack[-1].depth * 2 >= indent:
                stack.pop()
            stack[-1].parts.append(m[1])
            continue
        m = ATTR_RE.match(line)
        if m and line.lstrip().startswith("/"):
            last.attrs[m[1]] = m[2].strip().lstrip("/")
            continue
        m = ELEM_RE.match(line)
        if not m:
            continue
        depth = len(m[1]) // 2
        while len(stack) > 1 and stack[-1].depth >= depth:
            stack.pop()
        node = Node(m[2], depth, stack[-1])
        stack[-1].children.append(node)
        stack[-1].parts.append(node)
        stack.append(node)
        last = node
    return root


def headings(root):
    """(level, text) of each H1…H6 in tree order."""
    return [(int(n.type[1]), n.text()) for n in root.walk() if re.fullmatch(r"H[1-6]", n.type)]
