# LKjIP pipeline. `make extract` installs what it needs and extracts data/raw/ into data/out/lkjip.sqlite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
RAW    ?= data/raw
OUT    ?= data/out
DB     ?= $(OUT)/lkjip.sqlite
JOBS   ?= 1
ARGS   ?=
CORPUS ?= ../shared/corpus
REAL   ?= ../shared/real
PEER   ?= ../shared/peer/camelot
SCORE  ?= ../shared/eval/score.py
TIME   := $(shell [ -x /usr/bin/time ] && echo "/usr/bin/time -v")

.PHONY: install extract rebuild validate report samples test lint bench bench-ocr eval eval-real eval-peer clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

extract: install
	$(BIN)/python -m pipeline extract $(RAW) --db $(DB) --out $(OUT) --jobs $(JOBS) $(ARGS)

rebuild: install
	$(BIN)/python -m pipeline rebuild --db $(DB) --out $(OUT)

validate: install
	$(BIN)/python -m pipeline validate --db $(DB) --out $(OUT)

report: install
	$(BIN)/python -m pipeline report --db $(DB) --out $(OUT)

samples: install
	$(BIN)/python -m pipeline samples --out $(RAW)

test: install
	$(BIN)/python -m pytest -q

# ruff over the whole tree, mypy over the modules already cleaned (pyproject.toml lists them).
lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

# Measure against the shared corpus (skipped when it is absent): one database per variant.
bench eval: install
	@if [ ! -d "$(CORPUS)/gold" ]; then echo "corpus not found at $(CORPUS): skipping"; exit 0; fi; \
	for v in word plain; do \
	  rm -rf $(OUT)/eval_$$v && mkdir -p $(OUT)/eval_$$v/in; \
	  for f in $(CORPUS)/*.$$v.pdf; do ln -sf "$$(realpath $$f)" $(OUT)/eval_$$v/in/; done; \
	  $(TIME) $(BIN)/python -m pipeline extract $(OUT)/eval_$$v/in --db $(OUT)/eval_$$v/lkjip.sqlite \
	    --out $(OUT)/eval_$$v --jobs 2 --quiet 2> $(OUT)/eval_$$v/time.txt | tail -4; \
	  grep -E "Elapsed|Maximum resident" $(OUT)/eval_$$v/time.txt || true; \
	  $(PYTHON) $(SCORE) --db $(OUT)/eval_$$v/lkjip.sqlite --gold $(CORPUS)/gold --variant $$v; \
	done

# The real published reports (skipped when absent): every text-layer PDF into one database, scored
# against the gold of those that have it; then the table reader on camelot's test PDFs.
eval: eval-real eval-peer
eval-real: install
	@if [ ! -d "$(REAL)/gold" ]; then echo "real reports not found at $(REAL): skipping"; exit 0; fi; \
	rm -rf $(OUT)/eval_real && mkdir -p $(OUT)/eval_real/in; \
	for f in $(REAL)/*.pdf; do case "$$f" in *.scan.pdf) ;; *) ln -sf "$$(realpath $$f)" $(OUT)/eval_real/in/;; esac; done; \
	$(TIME) $(BIN)/python -m pipeline extract $(OUT)/eval_real/in --db $(OUT)/eval_real/lkjip.sqlite \
	  --out $(OUT)/eval_real --jobs 2 --quiet 2> $(OUT)/eval_real/time.txt | tail -4; \
	grep -E "Elapsed|Maximum resident" $(OUT)/eval_real/time.txt || true; \
	$(PYTHON) $(SCORE) --db $(OUT)/eval_real/lkjip.sqlite --gold $(REAL)/gold
eval-peer: install
	@if [ ! -d "$(PEER)" ]; then echo "peer tests not found at $(PEER): skipping"; exit 0; fi; \
	$(PYTHON) $(dir $(SCORE))peer_score.py --peer $(PEER) | tail -3

# OCR timing: the scanned variant of the corpus (image-only pages), seconds per scanned page and peak memory.
bench: bench-ocr
bench-ocr: install
	@if [ ! -d "$(CORPUS)/gold" ]; then echo "corpus not found at $(CORPUS): skipping"; exit 0; fi; \
	rm -rf $(OUT)/eval_scan && mkdir -p $(OUT)/eval_scan/in; \
	for f in $(CORPUS)/*.scan.pdf; do ln -sf "$$(realpath $$f)" $(OUT)/eval_scan/in/; done; \
	start=$$(date +%s); \
	$(TIME) $(BIN)/python -m pipeline extract $(OUT)/eval_scan/in --db $(OUT)/eval_scan/lkjip.sqlite \
	  --out $(OUT)/eval_scan --timeout 0 --quiet 2> $(OUT)/eval_scan/time.txt | tail -4; \
	seconds=$$(( $$(date +%s) - start )); \
	pages=$$($(BIN)/python -c "import glob, pypdfium2; print(sum(len(pypdfium2.PdfDocument(f)) for f in glob.glob('$(OUT)/eval_scan/in/*.pdf')))"); \
	echo "OCR: $$pages scanned pages in $$seconds s, $$($(BIN)/python -c "print(round($$seconds / max($$pages, 1), 2))") s per page (2 OCR workers)"; \
	grep -E "Elapsed|Maximum resident" $(OUT)/eval_scan/time.txt || true; \
	$(PYTHON) $(SCORE) --db $(OUT)/eval_scan/lkjip.sqlite --gold $(CORPUS)/gold --variant scan

clean:
	rm -rf $(OUT) .pytest_cache
