# LKjIP pipeline. `make extract` installs what it needs and extracts data/raw/ into data/out/lkjip.sqlite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
RAW    ?= data/raw
OUT    ?= data/out
DB     ?= $(OUT)/lkjip.sqlite
JOBS   ?= $(shell nproc 2>/dev/null || echo 1)
ARGS   ?=
CORPUS ?= ../shared/corpus
REAL   ?= ../shared/real
PEER   ?= ../shared/peer/camelot
SCORE  ?= ../shared/eval/score.py
TIME   := $(shell [ -x /usr/bin/time ] && echo "/usr/bin/time -v")

.PHONY: install extract rebuild validate report export serve samples test lint bench bench-ocr eval eval-corpus eval-real eval-peer clean
.PHONY: eval-catalogue dask-check

install: system-packages $(VENV)/.installed

# Tesseract and its Indonesian model read scanned pages (Debian packages). Installed with apt-get when
# this runs as root; otherwise the one command to run is printed and the OCR tests say they are skipped.
SYSTEM_PACKAGES := tesseract-ocr tesseract-ocr-ind
.PHONY: system-packages
system-packages:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx ind; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing $(SYSTEM_PACKAGES) (OCR of scanned pages)"; \
	  (apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null 2>&1 || \
	   (apt-get update -qq && apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null)) || \
	  echo "could not install $(SYSTEM_PACKAGES); scanned pages will not be read"; \
	else \
	  echo "Tesseract is missing: scanned pages will not be read. Install it with:"; \
	  echo "  sudo apt-get install -y $(SYSTEM_PACKAGES)"; \
	fi

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

# inconsistencies.html / .xlsx and summary.html in Indonesian; REPORT_LANG=en for English
REPORT_LANG ?= id
report: install
	$(BIN)/python -m pipeline report --db $(DB) --out $(OUT) --lang $(REPORT_LANG)

serve: install
	$(BIN)/python -m pipeline serve --db $(DB) --out $(OUT)

export: install
	$(BIN)/python -m pipeline export --db $(DB) --out $(OUT)

samples: install
	$(BIN)/python -m pipeline samples --out $(RAW)

test: install
	$(BIN)/python -m pytest -q

# ruff and mypy over the whole tree (mypy's settings: pyproject.toml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

# Measure against the shared corpus (skipped when it is absent): one database per variant.
eval-corpus: install
	@if [ ! -d "$(CORPUS)/gold" ]; then echo "corpus not found at $(CORPUS): skipping"; exit 0; fi; \
	$(BIN)/python -m pytest -q -m corpus tests/test_corpus_numbers.py | tail -1; \
	for v in word plain; do \
	  rm -rf $(OUT)/eval_$$v && mkdir -p $(OUT)/eval_$$v/in; \
	  for f in $(CORPUS)/*.$$v.pdf; do ln -sf "$$(realpath $$f)" $(OUT)/eval_$$v/in/; done; \
	  $(TIME) $(BIN)/python -m pipeline extract $(OUT)/eval_$$v/in --db $(OUT)/eval_$$v/lkjip.sqlite \
	    --out $(OUT)/eval_$$v --jobs 2 --quiet 2> $(OUT)/eval_$$v/time.txt | tail -4; \
	  grep -E "Elapsed|Maximum resident" $(OUT)/eval_$$v/time.txt || true; \
	  $(PYTHON) $(SCORE) --db $(OUT)/eval_$$v/lkjip.sqlite --gold $(CORPUS)/gold --variant $$v; \
	done

# The real published reports (skipped when absent): every text-layer PDF into one database, scored
# against the gold of those that have it, the metadata of every document and the figures per family,
# then the rows and findings gained and lost per report against the run before (kept as
# eval_real.previous.sqlite); then the table reader on camelot's test PDFs.
eval: eval-corpus eval-real eval-catalogue eval-peer
eval-real: install
	@if [ ! -d "$(REAL)/gold" ]; then echo "real reports not found at $(REAL): skipping"; exit 0; fi; \
	if [ -f $(OUT)/eval_real/lkjip.sqlite ]; then rm -f $(OUT)/eval_real.previous.sqlite; $(BIN)/python -c "from pipeline.regression import save_copy; save_copy('$(OUT)/eval_real/lkjip.sqlite', '$(OUT)/eval_real.previous.sqlite')"; fi; \
	rm -rf $(OUT)/eval_real && mkdir -p $(OUT)/eval_real/in; \
	for f in $(REAL)/*.pdf; do case "$$f" in *.scan.pdf) ;; *) ln -sf "$$(realpath $$f)" $(OUT)/eval_real/in/;; esac; done; \
	$(TIME) $(BIN)/python -m pipeline extract $(OUT)/eval_real/in --db $(OUT)/eval_real/lkjip.sqlite \
	  --out $(OUT)/eval_real --jobs 2 --quiet 2> $(OUT)/eval_real/time.txt | tail -4; \
	grep -E "Elapsed|Maximum resident" $(OUT)/eval_real/time.txt || true; \
	$(PYTHON) $(SCORE) --db $(OUT)/eval_real/lkjip.sqlite --gold $(REAL)/gold --metadata $(REAL)/metadata.json; \
	$(PYTHON) $(dir $(SCORE))by_family.py --db $(OUT)/eval_real/lkjip.sqlite --gold $(REAL)/gold --metadata $(REAL)/metadata.json; \
	if [ -f $(OUT)/eval_real.previous.sqlite ]; then echo "against the run before (make eval-real):"; \
	  $(BIN)/python -m pipeline diff $(OUT)/eval_real.previous.sqlite $(OUT)/eval_real/lkjip.sqlite; fi
# The indicator catalogue on ../shared/real (the database of eval-real): precision and recall of the pairs
# of names that measure one quantity across reports, against groups a person made by hand
# (eval/indicator_groups.shared_real.handmade.csv; how they were made: eval/catalogue_pairs.py).
eval-catalogue: install
	@if [ ! -d "$(REAL)" ]; then echo "real reports not found at $(REAL): skipping"; exit 0; fi; \
	if [ ! -f $(OUT)/eval_real/lkjip.sqlite ]; then echo "no $(OUT)/eval_real/lkjip.sqlite: run make eval-real first"; exit 0; fi; \
	$(BIN)/python eval/catalogue_pairs.py --db $(OUT)/eval_real/lkjip.sqlite
eval-peer: install
	@if [ ! -d "$(PEER)" ]; then echo "peer tests not found at $(PEER): skipping"; exit 0; fi; \
	$(PYTHON) $(dir $(SCORE))peer_score.py --peer $(PEER) | tail -3

# Speed (text-layer PDFs): our extraction against bare pdfplumber and the pypdfium2 floor, 1 and 2 workers,
# and a long report repeated 1x/2x/4x; writes $(OUT)/bench.json. BENCH_RAW=<folder> measures another folder.
BENCH_RAW ?=
bench: install
	@if [ -n "$(BENCH_RAW)" ]; then src="$(BENCH_RAW)"; \
	elif [ -d "$(REAL)" ]; then rm -rf $(OUT)/bench_in && mkdir -p $(OUT)/bench_in; \
	  for f in $(REAL)/*.pdf; do case "$$f" in *.scan.pdf) ;; *) ln -sf "$$(realpath $$f)" $(OUT)/bench_in/;; esac; done; \
	  src=$(OUT)/bench_in; \
	else echo "real reports not found at $(REAL) (set BENCH_RAW=<folder>): skipping"; exit 0; fi; \
	$(BIN)/python -m pipeline bench $$src --out $(OUT)
# A separately started `dask scheduler` and two `dask worker` processes on this machine load the same rows
# as a serial run (DASK_RAW=<folder>, default $(RAW)); the last line says SAME ROWS or DIFFERENT ROWS.
DASK_RAW ?= $(RAW)
dask-check: install
	PYTHON=$(BIN)/python eval/dask_cluster_check.sh $(DASK_RAW)
# OCR timing. First per page (pipeline/bench_ocr.py, figures in $(OUT)/bench_ocr.json): CPU seconds of our
# reading of each scanned page of $(REAL) and $(CORPUS) (render, deskew, rules, recognition, second readings,
# stage by stage) against bare `tesseract` on the same image at the same dpi; OCR_EVERY=K measures every
# K-th page only. Then whole runs: the scanned variant of the corpus and the real scans, each extracted as
# `make extract` does (--jobs $(JOBS): the OCR of all reports shares that many slots): wall and CPU
# seconds per scanned page and the largest process's peak memory, then the corpus score.
OCR_EVERY ?= 1
bench-ocr: install
	@if [ ! -d "$(CORPUS)/gold" ]; then echo "corpus not found at $(CORPUS): skipping"; exit 0; fi; \
	$(BIN)/python -m pipeline.bench_ocr $$(ls $(REAL)/*.scan.pdf 2>/dev/null) $(CORPUS)/*.scan.pdf --out $(OUT) \
	  --every $(OCR_EVERY) --quiet; \
	for set in scan real_scan; do \
	  case $$set in scan) src="$(CORPUS)/*.scan.pdf";; real_scan) src="$(REAL)/*.scan.pdf";; esac; \
	  ls $$src > /dev/null 2>&1 || continue; \
	  rm -rf $(OUT)/eval_$$set && mkdir -p $(OUT)/eval_$$set/in; \
	  for f in $$src; do ln -sf "$$(realpath $$f)" $(OUT)/eval_$$set/in/; done; \
	  start=$$(date +%s); \
	  $(TIME) $(BIN)/python -m pipeline extract $(OUT)/eval_$$set/in --db $(OUT)/eval_$$set/lkjip.sqlite \
	    --out $(OUT)/eval_$$set --jobs $(JOBS) --quiet 2> $(OUT)/eval_$$set/time.txt | tail -4; \
	  seconds=$$(( $$(date +%s) - start )); \
	  pages=$$($(BIN)/python -c "import glob, pypdfium2; print(sum(len(pypdfium2.PdfDocument(f)) for f in glob.glob('$(OUT)/eval_$$set/in/*.pdf')))"); \
	  cpu=$$(awk -F': ' '/User time|System time/ {s += $$2} END {print s + 0}' $(OUT)/eval_$$set/time.txt); \
	  echo "OCR ($$set): $$pages scanned pages in $$seconds s, $$($(BIN)/python -c "print(round($$seconds / max($$pages, 1), 2))") s per page ($(JOBS) OCR slots), $$($(BIN)/python -c "print(round($$cpu / max($$pages, 1), 2))") CPU s per page"; \
	  grep -E "Elapsed|Maximum resident" $(OUT)/eval_$$set/time.txt || true; \
	done; \
	$(PYTHON) $(SCORE) --db $(OUT)/eval_scan/lkjip.sqlite --gold $(CORPUS)/gold --variant scan

clean:
	rm -rf $(OUT) .pytest_cache
