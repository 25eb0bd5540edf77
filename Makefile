# dsplab — build, test, grade. `make help` lists the targets.
#
#   make            libdsplab (static + shared) and the dsplab tool
#   make test       build and run every library test (alias: make check)
#   make grade      grade assignments/ (see grader/grader.mk)
#   make bench      speed ratios (see bench/)
#   make install    PREFIX=/usr/local DESTDIR= ; make install-check tries it
#   make SAN=1 ...  the same with AddressSanitizer + UBSan, in build-san/

.DEFAULT_GOAL := all
SHELL := /bin/sh

ifeq ($(SAN),1)
BUILD ?= build-san
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
OPT ?= -O1
else
BUILD ?= build
SANFLAGS :=
OPT ?= -O2
endif

CC ?= cc
PREFIX ?= /usr/local
DESTDIR ?=
SOVERSION := 0
VERSION := 0.1.0
PKGS := sndfile fftw3 fftw3f

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
# Recursive (=) so pkg-config runs only after the deps step has installed it.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CUNIT_LIBS = $(shell pkg-config --libs cunit 2>/dev/null)
CFLAGS_ALL = -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) -g $(WARN) $(SANFLAGS) \
             -Ilib/include $(PKG_CFLAGS) $(CFLAGS)
LDFLAGS_ALL = $(SANFLAGS) $(LDFLAGS)
LIBS_ALL = $(PKG_LIBS) -lpthread -lm

DEPS_STAMP := $(BUILD)/.deps-ok
LIB_SRC ?= $(sort $(wildcard lib/src/*.c))
LIB_OBJ := $(patsubst lib/src/%.c,$(BUILD)/obj/lib/%.o,$(LIB_SRC))
LIB_A := $(BUILD)/lib/libdsplab.a
LIB_SO := $(BUILD)/lib/libdsplab.so.$(SOVERSION)
CLI_SRC ?= $(sort $(wildcard lib/cli/*.c))
CLI_OBJ := $(patsubst lib/cli/%.c,$(BUILD)/obj/cli/%.o,$(CLI_SRC))
DSPLAB := $(BUILD)/bin/dsplab
TEST_SRC ?= $(sort $(wildcard tests/test_*.c))
TEST_SUPPORT := $(filter-out tests/test_%.c,$(sort $(wildcard tests/*.c)))
TEST_BIN := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))
BENCH_SRC ?= $(sort $(wildcard bench/bench_*.c))
BENCH_SUPPORT := $(filter-out bench/bench_%.c,$(sort $(wildcard bench/*.c)))
BENCH_BIN := $(patsubst bench/%.c,$(BUILD)/bench/%,$(BENCH_SRC))

.PHONY: all lib cli deps test check bench install install-check uninstall clean help
all: lib cli
lib: $(LIB_A) $(LIB_SO)
cli: $(DSPLAB)
deps: $(DEPS_STAMP)

$(DEPS_STAMP): mk/deps.sh
	@sh mk/deps.sh
	@mkdir -p $(@D) && touch $@

$(BUILD)/obj/lib/%.o: lib/src/%.c $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -fPIC -fvisibility=default -MMD -MP -c $< -o $@

# The vectorised inner loops: sqrt without errno becomes sqrtpd (kernels.h).
$(BUILD)/obj/lib/kernels.o: CFLAGS_ALL += -fno-math-errno

$(LIB_A): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(LIB_SO): $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) -shared -Wl,-soname,libdsplab.so.$(SOVERSION) $(LDFLAGS_ALL) -o $@ $^ $(LIBS_ALL)
	ln -sf libdsplab.so.$(SOVERSION) $(BUILD)/lib/libdsplab.so

$(BUILD)/obj/cli/%.o: lib/cli/%.c $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(DSPLAB): $(CLI_OBJ) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $(CLI_OBJ) $(LIB_A) $(LIBS_ALL)

# Each tests/test_*.c is one CUnit program; tests/*.c without the prefix are
# shared helpers linked into all of them.
$(BUILD)/tests/%: tests/%.c $(TEST_SUPPORT) $(LIB_A) $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Itests -MMD -MP -o $@ $< $(TEST_SUPPORT) $(LIB_A) $(LIBS_ALL) $(CUNIT_LIBS)

# tests/test_frames.c drives the tool's frames-over-threads loop itself.
$(BUILD)/tests/test_frames: $(BUILD)/obj/cli/frames.o $(BUILD)/obj/cli/cli.o
$(BUILD)/tests/test_frames: CFLAGS_ALL += -Ilib/cli
$(BUILD)/tests/test_frames: CUNIT_LIBS += $(BUILD)/obj/cli/frames.o $(BUILD)/obj/cli/cli.o $(LIB_A) $(LIBS_ALL) -lpthread

# The tests run from the top folder; they find the tool through DSPLAB.
# A partial build (LIB_SRC=... CLI_SRC= TEST_SRC=...) may leave out the tool.
test check: $(TEST_BIN) $(if $(CLI_SRC),$(DSPLAB))
	@DSPLAB=$(abspath $(DSPLAB)) BUILD=$(BUILD) sh mk/run-tests.sh $(TEST_BIN)

# Each bench/bench_*.c is one program; bench/*.c without the prefix are
# shared helpers linked into all of them.
$(BUILD)/bench/%: bench/%.c $(BENCH_SUPPORT) $(LIB_A) $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Ibench -MMD -MP -o $@ $< $(BENCH_SUPPORT) $(LIB_A) $(LIBS_ALL)

bench: $(BENCH_BIN) $(DSPLAB)
	@for b in $(BENCH_BIN); do echo "== $$b"; DSPLAB=$(abspath $(DSPLAB)) $$b || exit 1; done
	@echo "== bench/grade.sh"; BUILD=$(BUILD) sh bench/grade.sh
	@echo "== bench/class.sh"; BUILD=$(BUILD) BENCH_CLASS_SIZES="$${BENCH_CLASS_SIZES:-10}" sh bench/class.sh

# dsplab.pc is written at install time: it names the PREFIX of this install.
install: all
	install -d $(DESTDIR)$(PREFIX)/include/dsplab $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/bin
	install -m 644 lib/include/dsplab/*.h $(DESTDIR)$(PREFIX)/include/dsplab/
	install -m 644 $(LIB_A) $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(LIB_SO) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libdsplab.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/libdsplab.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' mk/dsplab.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/dsplab.pc
	install -m 755 $(DSPLAB) $(DESTDIR)$(PREFIX)/bin/
	install -d $(DESTDIR)$(PREFIX)/share/dsplab/plots
	install -m 644 plots/*.gp plots/*.pal $(DESTDIR)$(PREFIX)/share/dsplab/plots/

# Installs into a temporary prefix and builds a program against it.
install-check: all
	sh mk/install-check.sh BUILD=$(BUILD)

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/include/dsplab
	rm -f $(DESTDIR)$(PREFIX)/lib/libdsplab.a $(DESTDIR)$(PREFIX)/lib/libdsplab.so* \
	      $(DESTDIR)$(PREFIX)/lib/pkgconfig/dsplab.pc $(DESTDIR)$(PREFIX)/bin/dsplab
	rm -rf $(DESTDIR)$(PREFIX)/share/dsplab

clean:
	rm -rf build build-san

help:
	@sed -n 's/^#   //p' Makefile grader/grader.mk plots/plots.mk $(wildcard deploy/deploy.mk)

# Instructor and student targets live beside the code they drive.
-include grader/grader.mk
-include plots/plots.mk
# release, gradescope, container: instructor targets (not in the student edition)
-include deploy/deploy.mk

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_BIN:=.d) $(BENCH_BIN:=.d)
