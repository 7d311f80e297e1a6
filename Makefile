# kronika: one GNU Makefile. `make` builds ./kronika; `make check` runs every
# test under AddressSanitizer and UndefinedBehaviorSanitizer; `make test` runs
# them on the plain build; `make bench`, `make fuzz`, `make eval`.

PKGS     = sqlite3 icu-uc icu-i18n libxml-2.0 libxxhash
CC      ?= cc
OPT     ?= -O2 -g
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wwrite-strings -Wno-unused-parameter
WERROR  ?=
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(WARN) $(WERROR) \
           $(shell pkg-config --cflags $(PKGS))
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lstemmer -lm

ifeq ($(SAN),1)
BUILD    = build/san
CFLAGS  += -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
else
BUILD   ?= build/rel
endif

LIBSRC   = $(filter-out src/main.c,$(wildcard src/*.c))
LEXFILES = $(sort $(wildcard lexicon/*.txt lexicon/*/*.txt))
LEXDATA  = $(BUILD)/gen/lexicon_data.c
LIBOBJ   = $(LIBSRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/lexicon_data.o
UNITSRC  = $(wildcard tests/unit/t_*.c)
UNITBIN  = $(UNITSRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOLS    = $(BUILD)/tests/spec_run $(BUILD)/bench/gen $(BUILD)/bench/fts_bare $(BUILD)/bench/rusage

.PHONY: all clean test check bench fuzz eval eval-ner eval-events valgrind tests-bin
all: kronika

kronika: $(BUILD)/kronika
	@if [ "$(BUILD)" = build/rel ]; then cp $(BUILD)/kronika kronika; fi

$(BUILD)/kronika: $(BUILD)/obj/main.o $(LIBOBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)/obj
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIBOBJ) | $(BUILD)/tests
	$(CC) $(CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(LIBOBJ) $(LDLIBS)

$(BUILD)/tests/spec_run: tests/spec/spec_run.c $(LIBOBJ) | $(BUILD)/tests
	$(CC) $(CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(LIBOBJ) $(LDLIBS)

$(BUILD)/tests/eval_%: tests/eval/eval_%.c $(LIBOBJ) | $(BUILD)/tests
	$(CC) $(CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(LIBOBJ) $(LDLIBS)

$(BUILD)/bench/%: bench/%.c $(LIBOBJ) | $(BUILD)/bench
	$(CC) $(CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(LIBOBJ) $(LDLIBS)

# The default lexicon is compiled into the binary.
$(LEXDATA): $(LEXFILES) tools/embed.c | $(BUILD)/gen
	$(CC) -O1 -o $(BUILD)/gen/embed tools/embed.c
	$(BUILD)/gen/embed $(LEXFILES) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/lexicon_data.o: $(LEXDATA) src/lex.h | $(BUILD)/obj
	$(CC) $(CFLAGS) -Isrc -c -o $@ $<

$(BUILD)/obj $(BUILD)/tests $(BUILD)/bench $(BUILD)/gen:
	mkdir -p $@

tests-bin: $(BUILD)/kronika $(UNITBIN) $(BUILD)/tests/spec_run

# Plain build, all tests.
test:
	$(MAKE) tests-bin kronika
	BUILD=$(BUILD) sh tests/run.sh

# Sanitized build (ASan + UBSan), all tests.
check:
	$(MAKE) SAN=1 tests-bin
	BUILD=build/san ASAN_OPTIONS=detect_leaks=1 sh tests/run.sh

bench: kronika $(BUILD)/bench/gen $(BUILD)/bench/fts_bare $(BUILD)/bench/rusage
	BUILD=$(BUILD) sh bench/run.sh

# Accuracy against public gold sets kept beside the repository (never
# copied into it); each is skipped with a message when absent.
PEERS ?= ../shared/peers
EVAL_LEXICON ?=
eval: eval-ner eval-events

# The development sets come first; the test sets after them are held out:
# their figures are reported, never used to tune the rules.
eval-ner: $(BUILD)/tests/eval_ner
	@if [ -d $(PEERS)/factRuEval-2016/devset ]; then $(BUILD)/tests/eval_ner $(PEERS)/factRuEval-2016/devset 8; else echo "SKIP eval: $(PEERS)/factRuEval-2016/devset not found"; fi
	@if [ -d $(PEERS)/NEREL/NEREL-v1.1/dev ]; then $(BUILD)/tests/eval_ner $(PEERS)/NEREL/NEREL-v1.1/dev 8; else echo "SKIP eval: $(PEERS)/NEREL/NEREL-v1.1/dev not found"; fi
	@echo "== held-out test sets: report only, never tune on them =="
	@if [ -d $(PEERS)/factRuEval-2016/testset ]; then $(BUILD)/tests/eval_ner $(PEERS)/factRuEval-2016/testset 15; else echo "SKIP eval: $(PEERS)/factRuEval-2016/testset not found"; fi
	@if [ -d $(PEERS)/NEREL/NEREL-v1.1/test ]; then $(BUILD)/tests/eval_ner $(PEERS)/NEREL/NEREL-v1.1/test 15; else echo "SKIP eval: $(PEERS)/NEREL/NEREL-v1.1/test not found"; fi

# Event coding: PLOVER's gold sentences with kronika's own lexicon;
# TABARI's validation records and PETRARCH2's unit tests with their own
# dictionaries, imported by kronika lexicon import (or EVAL_LEXICON=DIR).
TABARI_DIR = $(PEERS)/TABARI-Code
PETR_DIR = $(PEERS)/petrarch2/petrarch2/data
eval-events: $(BUILD)/tests/eval_events kronika
	$(BUILD)/tests/eval_events ./kronika $(PEERS)/PLOVER/gold_standard_records/PLOVER_GSR_CAMEO.txt
	@if [ -d $(TABARI_DIR) ]; then \
	  lx=$${EVAL_LEXICON:-build/eval/tabari}; \
	  [ -n "$(EVAL_LEXICON)" ] || { mkdir -p build/eval && ./kronika lexicon import -q --out $$lx $(TABARI_DIR)/Validate.project; }; \
	  $(BUILD)/tests/eval_events ./kronika $(TABARI_DIR)/Validate.text --lexicon $$lx; \
	else echo "SKIP eval: $(TABARI_DIR) not found"; fi
	@if [ -d $(PETR_DIR) ]; then \
	  lx=$${EVAL_LEXICON:-build/eval/petrarch2}; \
	  [ -n "$(EVAL_LEXICON)" ] || { mkdir -p build/eval && ./kronika lexicon import -q --out $$lx \
	    $(PETR_DIR)/dictionaries/PETR.Validate.verbs.txt $(PETR_DIR)/dictionaries/PETR.Validate.actors.txt \
	    $(PETR_DIR)/dictionaries/PETR.Validate.agents.txt; }; \
	  $(BUILD)/tests/eval_events ./kronika $(PETR_DIR)/text/PETR.UnitTest.records.xml --lexicon $$lx; \
	else echo "SKIP eval: $(PETR_DIR) not found"; fi

# The main commands under valgrind on the samples: no leak, no error.
VG = valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9
valgrind: kronika
	rm -f build/vg.db build/vg.db-wal build/vg.db-shm
	$(VG) ./kronika ingest -q --db build/vg.db samples
	$(VG) ./kronika docs --db build/vg.db --format jsonl >/dev/null
	$(VG) ./kronika entities --db build/vg.db --format jsonl >/dev/null
	$(VG) ./kronika search --db build/vg.db лавров >/dev/null
	$(VG) ./kronika events --db build/vg.db --format gdelt >/dev/null
	$(VG) ./kronika code --format jsonl samples >/dev/null
	$(VG) ./kronika lexicon check >/dev/null
	@echo "valgrind: no errors"

FUZZ_SECONDS ?= 10
FUZZERS = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
build/fuzz/%: tests/fuzz/%.c $(LIBSRC) $(LEXDATA) | build/fuzz
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -Isrc \
	  -fsanitize=fuzzer,address,undefined $(shell pkg-config --cflags $(PKGS)) \
	  -o $@ $< $(LIBSRC) $(LEXDATA) $(LDLIBS)
build/fuzz:
	mkdir -p $@
fuzz: $(FUZZERS)
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZERS)

clean:
	rm -rf build kronika
