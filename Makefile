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
SCORE  ?= ../shared/eval/score.py
TIME   := $(shell [ -x /usr/bin/time ] && echo "/usr/bin/time -v")

.PHONY: install extract rebuild validate report samples test bench eval clean

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

clean:
	rm -rf $(OUT) .pytest_cache
