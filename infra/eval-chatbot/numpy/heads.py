"""Exploration of intent heads over cached sentence embeddings (issue #17, docs/BENCHMARKS.md session 8).

Reads the embeddings that IntentEval caches in target/embeddings (run IntentEval with --encoder NAME on a data
set once first) and the data under ../shared/data (or $QUANYU_DATA); a copy of NgramFeaturizer (no lexicon) and
multinomial logistic regression trained to convergence with scipy's L-BFGS stand in for the Java models.
Run from the repository root:  python3 infra/eval-chatbot/numpy/heads.py COMMAND
  clinc-ngrams            n-gram feature sets on CLINC150 val (l2 1e-5, 1e-4)
  clinc-heads ENC[,ENC2]  linear heads and centroids per encoder on CLINC150 val; with two, their concatenation and average
  clinc-mix ENC           n-grams + ENC head on CLINC150 val: probability (and log-probability) average by weight
  bitext-once [ENC,...]   Bitext 8k -> 20k (de-duplicated) for the settings fixed on CLINC150 val
  bitext-flags            Bitext 20k accuracy by Bitext's linguistic flag (MiniLM head, n-grams): a diagnostic
Needs numpy and scipy. Figures are printed; nothing is chosen here.
"""
import struct, glob, json, csv, unicodedata, re, math, collections, os, sys
import numpy as np
from scipy import sparse, optimize

ROOT = os.getcwd()  # the repository root: embeddings are read from its target/embeddings
DATA = os.environ.get('QUANYU_DATA', os.path.join(ROOT, '..', 'shared', 'data'))
S = os.path.join(DATA, 'clinc150', 'data_full.json')
B = os.path.join(DATA, 'bitext-customer-service') + '/'

def read_cache(name, d=ROOT + '/target/embeddings'):
    out = {}
    for f in glob.glob(f'{d}/{name}*.bin'):
        data = open(f, 'rb').read()
        i = 0
        n = len(data)
        while i + 2 <= n:
            (ln,) = struct.unpack('>H', data[i:i+2]); i += 2
            if i + ln + 4 > n: break
            raw = data[i:i+ln]; i += ln
            raw = raw.replace(b'\xc0\x80', b'\x00')
            t = raw.decode('utf-8', 'surrogatepass')
            try:
                t = t.encode('utf-16', 'surrogatepass').decode('utf-16')
            except Exception:
                pass
            (dim,) = struct.unpack('>i', data[i:i+4]); i += 4
            if i + 4*dim > n: break
            v = np.frombuffer(data[i:i+4*dim], dtype='>f4').astype(np.float32); i += 4*dim
            out[t] = v
    return out

def clinc(split):
    d = json.load(open(S))
    out = []
    for s in split.split('+'):
        out += [(t, l) for t, l in d[s]]
    return out

def bitext(f):
    r = list(csv.DictReader(open(B + f, encoding='utf-8-sig')))
    return [(x['utterance'], 'check_invoice' if x['intent'] == 'check_invoices' else x['intent']) for x in r]

def key(t):
    return re.sub(r'\s+', ' ', t.lower()).strip()

def dedupe(train, test):
    seen = set(key(t) for t, _ in train)
    out = []
    for t, l in test:
        k = key(t)
        if k not in seen:
            seen.add(k); out.append((t, l))
    return out

# --- n-gram featurizer, a copy of NgramFeaturizer (no lexicon), with options
def normalise(text):
    s = unicodedata.normalize('NFKC', text).lower()
    return ''.join('0' if c.isdigit() else c for c in s)

def is_cjk(c):
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF) or (0x3400 <= o <= 0x4DBF) or (0x3040 <= o <= 0x30FF) or (0xAC00 <= o <= 0xD7AF) or (0xF900 <= o <= 0xFAFF)

def counts(text, cmin=2, cmax=5, words=True, bigrams=True, span=False, span_min=3, span_max=5):
    c = collections.Counter()
    ws = []
    s = normalise(text)
    word = []; cjk = []
    def flush_word():
        if not word: return
        w = ''.join(word); word.clear(); ws.append(w)
        if words: c['w:' + w] += 1
        p = '<' + w + '>'
        for n in range(cmin, cmax + 1):
            for st in range(0, len(p) - n + 1):
                if n == len(p): continue
                c['c:' + p[st:st+n]] += 1
    def flush_cjk():
        if not cjk: return
        r = ''.join(cjk); cjk.clear()
        for n in range(1, 4):
            for st in range(0, len(r) - n + 1):
                c['h:' + r[st:st+n]] += 1
    for ch in s:
        if is_cjk(ch):
            flush_word(); cjk.append(ch)
        elif ch.isalnum() or ch == "'":
            flush_cjk(); word.append(ch)
        else:
            flush_word(); flush_cjk()
            if ch in '.?!,;': ws.append(None)
    flush_word(); flush_cjk()
    if bigrams:
        for a, b in zip(ws, ws[1:]):
            if a is not None and b is not None:
                c['b:' + a + '_' + b] += 1
    if span:
        # character n-grams across word boundaries over the words joined by one space
        j = ' ' + ' '.join(w for w in ws if w is not None) + ' '
        for n in range(span_min, span_max + 1):
            for st in range(0, len(j) - n + 1):
                g = j[st:st+n]
                if ' ' in g.strip():
                    c['s:' + g] += 1
    return c

def tfidf_fit(docs, min_df=2):
    df = collections.Counter()
    for d in docs: df.update(d.keys())
    n = len(docs)
    vocab = {}
    idf = []
    for f, v in sorted(df.items()):
        if v >= min_df:
            vocab[f] = len(vocab); idf.append(math.log((1 + n) / (1 + v)) + 1)
    return vocab, np.array(idf)

def tfidf(docs, vocab, idf):
    rows, cols, vals = [], [], []
    for i, d in enumerate(docs):
        for f, v in d.items():
            j = vocab.get(f)
            if j is not None:
                rows.append(i); cols.append(j); vals.append((1 + math.log(v)) * idf[j])
    X = sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(vocab)), dtype=np.float64)
    norms = np.sqrt(np.asarray(X.multiply(X).sum(1)).ravel()); norms[norms == 0] = 1
    return sparse.diags(1 / norms) @ X

def softmax(Z):
    Z = Z - Z.max(1, keepdims=True)
    E = np.exp(Z); return E / E.sum(1, keepdims=True)

def train_lr(X, y, k, l2, maxiter=500):
    n, d = X.shape
    Y = np.zeros((n, k)); Y[np.arange(n), y] = 1
    def f(w):
        W = w[:d*k].reshape(d, k); b = w[d*k:]
        Z = X @ W + b
        Z = Z - Z.max(1, keepdims=True)
        lse = np.log(np.exp(Z).sum(1))
        loss = -(Z[np.arange(n), y] - lse).mean() + 0.5 * l2 * (W * W).sum()
        P = np.exp(Z - lse[:, None])
        G = (P - Y) / n
        gW = X.T @ G + l2 * W
        gb = G.sum(0)
        return loss, np.concatenate([np.asarray(gW).ravel(), gb])
    w0 = np.zeros(d * k + k)
    r = optimize.minimize(f, w0, jac=True, method='L-BFGS-B', options={'maxiter': maxiter})
    return r.x[:d*k].reshape(d, k), r.x[d*k:]

def predict(X, W, b):
    return softmax(np.asarray(X @ W + b))

def lookup(cache, data):
    """Unit vectors of the texts (the Java reader trims CSV fields: fall back to the trimmed text)."""
    E = np.stack([cache[t] if t in cache else cache[t.strip()] for t, _ in data]).astype(np.float64)
    return E / np.linalg.norm(E, axis=1, keepdims=True)

def indexed(train, test):
    labels = sorted(set(l for _, l in train)); li = {l: i for i, l in enumerate(labels)}
    return len(labels), np.array([li[l] for _, l in train]), np.array([li[l] for _, l in test])

def ngram_matrices(train, test, **cfg):
    D = [counts(t, **cfg) for t, _ in train]
    vocab, idf = tfidf_fit(D)
    return tfidf(D, vocab, idf), tfidf([counts(t, **cfg) for t, _ in test], vocab, idf), len(vocab)

def acc(P, y):
    return (P.argmax(1) == y).mean() * 100

def clinc_ngrams():
    tr, va = clinc('train'), clinc('val'); k, y, yv = indexed(tr, va)
    configs = {'shipped w1-2 c2-5': dict(), 'c2-5 no words': dict(words=False, bigrams=False),
               'c1-4': dict(cmin=1, cmax=4), 'c2-5 + span 3-5': dict(span=True)}
    for name, cfg in configs.items():
        X, Xv, size = ngram_matrices(tr, va, **cfg)
        for l2 in [1e-5, 1e-4]:
            W, b = train_lr(X, y, k, l2, maxiter=300)
            print(f'{name:22s} vocab {size:6d} l2 {l2:g}: val acc {acc(predict(Xv, W, b), yv):.2f} %', flush=True)

def clinc_heads(encs):
    tr, va = clinc('train'), clinc('val'); k, y, yv = indexed(tr, va)
    probs = {}
    for e in encs:
        c = read_cache(e); E, Ev = lookup(c, tr), lookup(c, va)
        for l2 in [1e-6, 1e-5]:
            W, b = train_lr(E, y, k, l2, maxiter=1000); probs[(e, l2)] = predict(Ev, W, b)
            print(f'{e} LR l2 {l2:g}: val {acc(probs[(e, l2)], yv):.2f}', flush=True)
        C = np.stack([E[y == j].mean(0) for j in range(k)]); C /= np.linalg.norm(C, axis=1, keepdims=True)
        print(f'{e} nearest centroid: val {acc(Ev @ C.T, yv):.2f}', flush=True)
    if len(encs) == 2:
        caches = [read_cache(e) for e in encs]
        E = np.hstack([lookup(c, tr) for c in caches]); Ev = np.hstack([lookup(c, va) for c in caches])
        for l2 in [1e-6, 1e-5]:
            W, b = train_lr(E, y, k, l2, maxiter=1000)
            print(f'concat {encs} LR l2 {l2:g}: val {acc(predict(Ev, W, b), yv):.2f}', flush=True)
        for l2 in [1e-6, 1e-5]:
            print(f'average of the two heads l2 {l2:g}: val {acc(probs[(encs[0], l2)] + probs[(encs[1], l2)], yv):.2f}')

def clinc_mix(enc):
    tr, va = clinc('train'), clinc('val'); k, y, yv = indexed(tr, va)
    c = read_cache(enc); W, b = train_lr(lookup(c, tr), y, k, 1e-6, maxiter=1000); Pe = predict(lookup(c, va), W, b)
    X, Xv, _ = ngram_matrices(tr, va)
    for l2 in [1e-6, 1e-5]:
        W, b = train_lr(X, y, k, l2, maxiter=500); Pn = predict(Xv, W, b)
        print(f'n-grams l2 {l2:g}: {acc(Pn, yv):.2f}', flush=True)
        for w in [0, 0.25, 0.5, 0.6, 0.75, 0.9, 1]:
            L = w * np.log(Pe + 1e-12) + (1 - w) * np.log(Pn + 1e-12)
            print(f'  {enc} weight {w}: prob avg {acc(w * Pe + (1 - w) * Pn, yv):.2f}  log avg {acc(L, yv):.2f}', flush=True)

def bitext_data():
    tr = bitext('bitext_customer_service_8k.csv')
    return tr, dedupe(tr, bitext('bitext_customer_support_20k.csv'))

def bitext_once(encs):
    # heads to convergence: embeddings l2 1e-6, n-grams l2 1e-5, embedding weight 0.75 (all fixed on CLINC150 val)
    tr, te = bitext_data(); k, y, yt = indexed(tr, te)
    X, Xt, _ = ngram_matrices(tr, te)
    W, b = train_lr(X, y, k, 1e-5, maxiter=500); Pn = predict(Xt, W, b)
    print(f'{len(tr)} -> {len(te)} texts, {k} intents; n-grams alone (l2 1e-5): {acc(Pn, yt):.2f}', flush=True)
    for e in encs:
        c = read_cache(e); W, b = train_lr(lookup(c, tr), y, k, 1e-6, maxiter=1000); Pe = predict(lookup(c, te), W, b)
        print(f'{e}: head alone {acc(Pe, yt):.2f}; with n-grams at weight 0.75: {acc(0.75 * Pe + 0.25 * Pn, yt):.2f}', flush=True)

def bitext_flags():
    flags = {}
    for x in csv.DictReader(open(B + 'bitext_customer_support_20k.csv', encoding='utf-8-sig')):
        flags.setdefault(x['utterance'], x['flags'])
    tr, te = bitext_data(); k, y, yt = indexed(tr, te)
    c = read_cache('all-minilm-l6-v2-q')
    W, b = train_lr(lookup(c, tr), y, k, 1e-6, maxiter=1000); ok_e = predict(lookup(c, te), W, b).argmax(1) == yt
    X, Xt, _ = ngram_matrices(tr, te)
    W, b = train_lr(X, y, k, 1e-5, maxiter=500); ok_n = predict(Xt, W, b).argmax(1) == yt
    f = [flags.get(t, '') for t, _ in te]
    print('flag  texts  MiniLM  n-grams | without the flag: MiniLM  n-grams')
    for ch in 'CDEILMPQSWZ':
        m = np.array([ch in x for x in f])
        if m.sum():
            print(f'{ch}  {m.sum():6d}  {ok_e[m].mean()*100:6.2f}  {ok_n[m].mean()*100:6.2f} | {ok_e[~m].mean()*100:6.2f}  {ok_n[~m].mean()*100:6.2f}')
    print(f'all {ok_e.mean()*100:.2f} {ok_n.mean()*100:.2f}; right by either model: {(ok_e | ok_n).mean()*100:.2f}')

if __name__ == '__main__':
    command = sys.argv[1] if len(sys.argv) > 1 else ''
    if command == 'clinc-ngrams': clinc_ngrams()
    elif command == 'clinc-heads': clinc_heads(sys.argv[2].split(','))
    elif command == 'clinc-mix': clinc_mix(sys.argv[2])
    elif command == 'bitext-once': bitext_once(sys.argv[2].split(',') if len(sys.argv) > 2 else ['e5-small-v2-q', 'all-minilm-l6-v2-q'])
    elif command == 'bitext-flags': bitext_flags()
    else: sys.exit(__doc__)
