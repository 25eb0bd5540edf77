# grader/grader.mk — student and instructor targets (included by the Makefile).
#
#   make grade                  grade assignments/ (stubs are copied in on first use)
#   make grade LESSON=02        one lesson (prefix of the folder name)
#   make grade ONLY=dft         one exercise (the part of a test's name before ':')
#   make grade SUBMISSION=dir   grade dir/NN-topic/*.c instead of assignments/
#   make grade V=1              one line per test, failures in full (the default is
#                               one line per exercise); V=2 passing tests' details too
#   make grade STRICT=1         exit non-zero unless the score is full (CI)
#   make assignments            copy missing stubs into assignments/ (never overwrites)
#   make grade-check            CI: solutions score full marks, stubs score 0 without crashing
#   make references             regenerate data/reference/ from the solutions
#   make check-references       regenerate into a temporary folder and compare
#   make new-lesson NAME=13-topic   scaffold a lesson from grader/template/
#   make grade-all SUBMISSIONS=dir  grade a class (one folder per student)
#   make try LESSON=04 ONLY=stft [SOUND=f.wav]  your function on a real sound, drawn
#                               beside the library's (lessons/NN-topic/try.c)
#   make grade-all SUBMISSIONS=dir HOSTS=file  the same over ssh hosts (GNU parallel; deploy/README.md)
#
# Per lesson, make builds the lesson's judge, build/grade/judge/NN-topic/,
# from trusted sources only: suite.c, boundary.c (the proxies), grader/ and
# libdsplab, plus the parts the worker is linked from (boundary.c serving
# side, grader/worker.c, the stubs' objects, libdsplab). `make grade` then
# runs each judge on the submission: it checks and compiles the student's
# files one by one in the bubblewrap sandbox, links them into a worker, and
# runs the tests, whose exercise calls go to the worker (grader/THREATS.md).

LESSONS_DIR ?= lessons
REFERENCE_DIR ?= data/reference
# Hidden tests' private inputs: only in the instructor's copy. Without the
# folder (the student edition, `make release`) `make grade` counts the hidden
# tests instead of running them; class grading needs it.
HIDDEN_REFERENCE_DIR ?= data/reference-hidden
GRADE_HIDDEN ?= $(if $(wildcard $(HIDDEN_REFERENCE_DIR)/*/),run,skip)
GRADE_HIDDEN_VISIBILITY ?= after_published
GRADE_DATA_DIR ?= data
SUBMISSION ?= assignments
LESSON ?=
ONLY ?=
V ?=
STRICT ?=
EXPECT ?=
GRADE_WERROR ?=
GRADE_OPT ?= -O1
GRADE_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
GRADE_REPORT_DIR ?= grader/out
SUBMISSIONS ?=

GRADE_ROOT := $(BUILD)/grade
JUDGE_ROOT := $(GRADE_ROOT)/judge
# The trusted core: everything in grader/ but the worker's main().
GRADER_SRC := $(filter-out grader/worker.c grader/launcher.c,$(sort $(wildcard grader/*.c)))
GRADER_HDR := $(sort $(wildcard grader/*.h))
GRADER_OBJ := $(patsubst grader/%.c,$(GRADE_ROOT)/obj/%.o,$(GRADER_SRC))
GRADER_A := $(GRADE_ROOT)/libgrader.a
GRADETOOL := $(GRADE_ROOT)/gradetool
# auto: the sandbox when bubblewrap works here, else limits only (one line
# says so); UNSAFE=1 turns it off; class grading requires it.
GRADE_SANDBOX ?= $(if $(filter 1,$(UNSAFE)),off,auto)

GRADE_ALL_LESSONS := $(sort $(notdir $(patsubst %/,%,$(wildcard $(LESSONS_DIR)/*/))))
# LESSON=2 also finds 02-...
GRADE_LESSONS := $(if $(LESSON),$(filter $(LESSON)% $(if $(filter 1 2 3 4 5 6 7 8 9,$(LESSON)),0$(LESSON)-%),$(GRADE_ALL_LESSONS)),$(GRADE_ALL_LESSONS))

# Binaries for another submission or lesson folder live apart, so switching
# between them never mixes up what is up to date.
grade_key = $(subst /,_,$(subst _,__,$(abspath $(1))))
ifeq ($(SUBMISSION)$(LESSONS_DIR),assignmentslessons)
GRADE_DIR := $(GRADE_ROOT)
else
GRADE_DIR := $(GRADE_ROOT)/sub/$(call grade_key,$(SUBMISSION))$(if $(filter lessons,$(LESSONS_DIR)),,@$(call grade_key,$(LESSONS_DIR)))
endif
GRADE_REFGEN := $(GRADE_ROOT)/refgen$(if $(filter lessons,$(LESSONS_DIR)),,/$(call grade_key,$(LESSONS_DIR)))

# Student code gets the project's warnings but not -Werror (an unused
# variable must not cost a lesson); CI sets GRADE_WERROR=1 for the solutions
# and stubs. _DEFAULT_SOURCE gives students M_PI. These flags go to the
# judge as words: no quoting, no student-controlled text.
GRADE_WARN := $(filter-out -Werror,$(WARN)) $(if $(filter 1,$(GRADE_WERROR)),-Werror)
# Frame pointers: the worker's fault handler walks them to name the
# student's lines of a memory error (grader/memreport.h).
GRADE_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(GRADE_OPT) -g \
               -fno-omit-frame-pointer $(GRADE_WARN) $(SANFLAGS) $(PKG_CFLAGS) $(CFLAGS)
GRADE_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
GRADE_WORKER_LIBS = $(LIBS_ALL)
JUDGE_LIBS = $(GRADER_A) $(LIB_A) $(LIBS_ALL) $(CUNIT_LIBS)

.PHONY: grade grade-build assignments grade-check references check-references new-lesson \
        grade-all grade-tool grade-force

# A student sees the grade report, not compiler command lines (V=1 shows
# them); warnings and errors still reach the terminal.
GRADE_Q := $(if $(filter 1 2,$(V)),,@)

$(GRADE_ROOT)/obj/%.o: grader/%.c $(GRADER_HDR) $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(GRADE_Q)$(CC) $(CFLAGS_ALL) -Igrader -c $< -o $@

$(GRADER_A): $(GRADER_OBJ)
	@mkdir -p $(@D)
	@rm -f $@ && ar rcs $@ $^

# The summariser: the grader with no suite linked in.
$(GRADETOOL): $(GRADER_A) $(LIB_A)
	$(GRADE_Q)$(CC) $(LDFLAGS_ALL) -o $@ $(JUDGE_LIBS)

# The HTML report: a program of its own around the trusted core, reading
# the fragments the judges wrote (grader/html/report_html.c).
GRADE_HTML := $(GRADE_ROOT)/report-html
$(GRADE_HTML): grader/html/report_html.c $(GRADER_HDR) $(GRADER_A)
	$(GRADE_Q)$(CC) $(CFLAGS_ALL) -Igrader -o $@ $< $(LDFLAGS_ALL) $(GRADER_A)

grade-tool: $(GRADETOOL)
grade-force:

# One lesson's judge and the trusted parts of its worker. The stubs'
# objects stand in for a student's file that is missing or refused.
$(GRADE_ROOT)/obj/worker.o: grader/worker.c grader/rpc.h grader/fdio.h $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(GRADE_Q)$(CC) $(GRADE_CFLAGS) -Igrader -Ilib/include -c $< -o $@

# The launcher inside a judge's kept sandbox (launcher.c; sandbox.h sb_pool_*).
$(GRADE_ROOT)/launcher: grader/launcher.c grader/sandbox.h grader/procfd.h $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(GRADE_Q)$(CC) $(CFLAGS_ALL) -Igrader -o $@ $< $(LDFLAGS_ALL)

define GRADE_LESSON_RULES
JUDGE_STUBS_$(1) := $$(patsubst $(LESSONS_DIR)/$(1)/stub/%.c,$(JUDGE_ROOT)/$(1)/stub/%.c.o,$$(wildcard $(LESSONS_DIR)/$(1)/stub/*.c))
$(JUDGE_ROOT)/$(1)/judge: $(LESSONS_DIR)/$(1)/suite.c $(LESSONS_DIR)/$(1)/boundary.c \
  $(LESSONS_DIR)/$(1)/exercise.h $(GRADER_HDR) $(GRADER_A) $(LIB_A)
	@mkdir -p $$(@D)
	$(GRADE_Q)$$(CC) $$(CFLAGS_ALL) -D_DEFAULT_SOURCE -Igrader -I$(LESSONS_DIR)/$(1) -o $$@ \
	  $(LESSONS_DIR)/$(1)/suite.c $(LESSONS_DIR)/$(1)/boundary.c $$(LDFLAGS_ALL) $$(JUDGE_LIBS)
$(JUDGE_ROOT)/$(1)/serve.o: $(LESSONS_DIR)/$(1)/boundary.c $(LESSONS_DIR)/$(1)/exercise.h grader/rpc.h $(DEPS_STAMP)
	@mkdir -p $$(@D)
	$(GRADE_Q)$$(CC) $$(GRADE_CFLAGS) -DRPC_SERVE -Igrader -Ilib/include -I$(LESSONS_DIR)/$(1) -c $$< -o $$@
$(JUDGE_ROOT)/$(1)/stub/%.c.o: $(LESSONS_DIR)/$(1)/stub/%.c $(LESSONS_DIR)/$(1)/exercise.h $(DEPS_STAMP)
	@mkdir -p $$(@D)
	$(GRADE_Q)$$(CC) $$(GRADE_CFLAGS) -Ilib/include -I$(LESSONS_DIR)/$(1) -c $$< -o $$@
$(JUDGE_ROOT)/$(1)/worker.o: $(GRADE_ROOT)/obj/worker.o
	@mkdir -p $$(@D) && cp $$< $$@
$(JUDGE_ROOT)/$(1)/launcher: $(GRADE_ROOT)/launcher
	@mkdir -p $$(@D) && cp $$< $$@
$(JUDGE_ROOT)/$(1)/libdsplab.a: $(LIB_A)
	@mkdir -p $$(@D) && cp $$< $$@
$(JUDGE_ROOT)/$(1)/ready: $(JUDGE_ROOT)/$(1)/judge $(JUDGE_ROOT)/$(1)/serve.o $(JUDGE_ROOT)/$(1)/worker.o \
  $(JUDGE_ROOT)/$(1)/launcher \
  $(JUDGE_ROOT)/$(1)/libdsplab.a $$(JUDGE_STUBS_$(1))
	@touch $$@
$(GRADE_REFGEN)/$(1)/refgen: $(LESSONS_DIR)/$(1)/refgen.c $$(wildcard $(LESSONS_DIR)/$(1)/solution/*.c $(LESSONS_DIR)/$(1)/*.h) grader/refgen.h $(LIB_A)
	@mkdir -p $$(@D)
	$$(CC) $$(GRADE_CFLAGS) -Werror -Igrader -Ilib/include -I$(LESSONS_DIR)/$(1) -o $$@ $(LESSONS_DIR)/$(1)/refgen.c \
	  $$(wildcard $(LESSONS_DIR)/$(1)/solution/*.c) $(LIB_A) $$(LIBS_ALL)
endef
$(foreach L,$(GRADE_LESSONS),$(eval $(call GRADE_LESSON_RULES,$(L))))

grade-build: $(foreach L,$(GRADE_LESSONS),$(JUDGE_ROOT)/$(L)/ready)

assignments:
	@for L in $(GRADE_ALL_LESSONS); do \
	  for f in $(LESSONS_DIR)/$$L/stub/*.c $(LESSONS_DIR)/$$L/stub/*.h; do \
	    [ -f "$$f" ] || continue; t=assignments/$$L/$${f##*/}; \
	    [ -e "$$t" ] || { mkdir -p assignments/$$L && cp "$$f" "$$t" && echo "created $$t from the stub"; }; \
	  done; \
	done

# Builds the judges in parallel (a sub-make, unless make already runs with
# -j), then each judge checks, compiles and grades its lesson of the
# submission, and gradetool summarises. The exit status is the summary's.
# The library, the tool and the judges are built by a quiet sub-make, so a
# first `make grade` shows only the report (errors and warnings still show).
GRADE_COMPILE_CPU ?= 20
GRADE_COMPILE_WALL ?= 60
GRADE_JUDGE_ARGS = --include-dir lib/include --cc $(CC) --cflags "$(GRADE_CFLAGS)" \
  --compile-cpu $(GRADE_COMPILE_CPU) --compile-wall $(GRADE_COMPILE_WALL) \
  --ldflags "$(GRADE_LDFLAGS)" --libs "$(GRADE_WORKER_LIBS)" --sandbox $(GRADE_SANDBOX) \
  --ref-dir $(REFERENCE_DIR) --data-dir $(GRADE_DATA_DIR) \
  --hidden $(GRADE_HIDDEN) --hidden-dir $(HIDDEN_REFERENCE_DIR)
grade: $(if $(filter assignments,$(SUBMISSION)),assignments)
	@test -n "$(GRADE_LESSONS)" || { echo "no lesson matches LESSON=$(LESSON) in $(LESSONS_DIR)/"; exit 2; }
	@test -d "$(SUBMISSION)" || { echo "SUBMISSION=$(SUBMISSION): no such folder"; exit 2; }
	@case "$$MAKEFLAGS" in *jobserver*) j= ;; *) j=-j$(GRADE_JOBS) ;; esac; \
	  $(MAKE) --no-print-directory -s $$j $(LIB_A) $(GRADETOOL) $(GRADE_HTML) $(if $(CLI_SRC),$(DSPLAB)) && \
	  $(MAKE) --no-print-directory -s $$j grade-build
	@start=$$(date +%s.%N); mkdir -p $(GRADE_REPORT_DIR) $(GRADE_DIR); \
	color=never; [ -t 1 ] && [ -z "$${NO_COLOR:-}" ] && [ "$${TERM:-dumb}" != dumb ] && color=always; \
	sh grader/grade-lessons.sh $(JUDGE_ROOT) $(GRADE_DIR) "$(SUBMISSION)" $(LESSONS_DIR) \
	  $(GRADE_JOBS) "$(GRADE_LESSONS)" $(GRADE_JUDGE_ARGS) --only '$(ONLY)' --color $$color \
	  --view $(if $(filter 2,$(V)),all,$(if $(filter 1,$(V)),tests,exercises)) \
	  --report $(GRADE_REPORT_DIR)/report.html; rc=$$?; \
	[ $$rc = 3 ] && exit 3; \
	frags=$$(cat $(GRADE_DIR)/.fragments); \
	$(GRADE_HTML) --out $(GRADE_REPORT_DIR)/report.html --figures $(GRADE_DIR) $$frags || true; \
	$(GRADETOOL) summarize --start $$start --only '$(ONLY)' --hidden-visibility $(GRADE_HIDDEN_VISIBILITY) \
	  --json $(GRADE_REPORT_DIR)/results.json --junit $(GRADE_REPORT_DIR)/junit.xml \
	  --points $(GRADE_REPORT_DIR)/points.tsv \
	  $(if $(filter 1,$(STRICT)),--strict) $(if $(filter zero,$(EXPECT)),--expect-zero) $$frags

# The student edition (`make release`; a file STUDENT_EDITION) has no
# solutions: grade-check checks the stubs only, the reference targets are
# skipped, both saying so (see the else branch below).
GRADE_CHECK_DIR := $(GRADE_ROOT)/check
ifeq ($(wildcard STUDENT_EDITION),)
# CI: every lesson's solution/ scores full marks and its stub/ scores 0
# without a crash, both compiled with -Werror. The copies keep their times
# (cp -p), so an unchanged lesson is not rebuilt.
grade-check: $(LIB_A) $(GRADETOOL)
	@rm -rf $(GRADE_CHECK_DIR)/solution $(GRADE_CHECK_DIR)/stub
	@for L in $(GRADE_LESSONS); do \
	  for k in solution stub; do \
	    mkdir -p $(GRADE_CHECK_DIR)/$$k/$$L; \
	    for f in $(LESSONS_DIR)/$$L/$$k/*.c $(LESSONS_DIR)/$$L/$$k/*.h; do \
	      [ -f "$$f" ] && cp -p "$$f" $(GRADE_CHECK_DIR)/$$k/$$L/; \
	    done; \
	  done; \
	done; true
	@echo "=== reference solutions: must score full marks"
	@$(MAKE) --no-print-directory grade SUBMISSION=$(GRADE_CHECK_DIR)/solution STRICT=1 \
	  GRADE_WERROR=1 GRADE_REPORT_DIR=$(GRADE_CHECK_DIR)/out-solution
	@echo "=== stubs: must compile, score 0 and not crash"
	@# (the judge grades a file that is still the stub with the stub's own
	@# object, so each stub is compiled here, with -Werror)
	@for f in $(foreach L,$(GRADE_LESSONS),$(wildcard $(LESSONS_DIR)/$(L)/stub/*.c)); do \
	  $(CC) $(GRADE_CFLAGS) -Werror -Ilib/include -I$${f%/stub/*} -c "$$f" -o /dev/null || exit 1; \
	done
	@$(MAKE) --no-print-directory grade SUBMISSION=$(GRADE_CHECK_DIR)/stub EXPECT=zero \
	  GRADE_WERROR=1 GRADE_REPORT_DIR=$(GRADE_CHECK_DIR)/out-stub

# References: each lesson's refgen.c + solution/*.c writes into a temporary
# folder, which replaces data/reference/NN-topic only when the generator
# succeeded.
REFGEN_LESSONS := $(foreach L,$(GRADE_LESSONS),$(if $(wildcard $(LESSONS_DIR)/$(L)/refgen.c),$(L)))

references: $(LIB_A)
	@fail=0; for L in $(REFGEN_LESSONS); do \
	  $(MAKE) --no-print-directory -s $(GRADE_REFGEN)/$$L/refgen >/dev/null || { echo "$$L: refgen does not build; kept the old references"; fail=1; continue; }; \
	  new=$(REFERENCE_DIR)/.$$L.new; old=$(REFERENCE_DIR)/.$$L.old; \
	  rm -rf $$new $$old; mkdir -p $$new; \
	  if $(GRADE_REFGEN)/$$L/refgen $$new; then \
	    [ -d $(REFERENCE_DIR)/$$L ] && mv $(REFERENCE_DIR)/$$L $$old; \
	    mv $$new $(REFERENCE_DIR)/$$L && rm -rf $$old; \
	    echo "$$L: $$(ls $(REFERENCE_DIR)/$$L | wc -l) reference files in $(REFERENCE_DIR)/$$L"; \
	  else \
	    echo "$$L: refgen failed; kept the old references"; rm -rf $$new; fail=1; \
	  fi; \
	done; exit $$fail

# |a - b| <= 1e-9 + 1e-9 |b| per number: libm and FMA differences between
# machines move the last bits, nothing more. Other files must match exactly.
REF_ATOL ?= 1e-9
REF_RTOL ?= 1e-9
check-references: $(LIB_A) $(GRADETOOL)
	@fail=0; for L in $(REFGEN_LESSONS); do \
	  $(MAKE) --no-print-directory -s $(GRADE_REFGEN)/$$L/refgen >/dev/null || { echo "$$L: refgen does not build"; fail=1; continue; }; \
	  tmp=$(GRADE_ROOT)/refcheck/$$L; rm -rf $$tmp; mkdir -p $$tmp; \
	  if ! $(GRADE_REFGEN)/$$L/refgen $$tmp; then echo "$$L: refgen failed"; fail=1; continue; fi; \
	  bad=0; \
	  for f in $$tmp/*; do \
	    [ -f "$$f" ] || continue; n=$${f##*/}; c=$(REFERENCE_DIR)/$$L/$$n; \
	    if [ ! -f "$$c" ]; then echo "$$L/$$n: generated but not committed (run make references)"; bad=1; \
	    else case $$n in \
	      *.txt|*.dat|*.tsv) $(GRADETOOL) cmpref --atol $(REF_ATOL) --rtol $(REF_RTOL) "$$f" "$$c" \
	                        || { echo "$$L/$$n: differs beyond the tolerance"; bad=1; } ;; \
	      *) cmp -s "$$f" "$$c" || { echo "$$L/$$n: differs"; bad=1; } ;; \
	    esac; fi; \
	  done; \
	  for c in $(REFERENCE_DIR)/$$L/*; do \
	    [ -f "$$c" ] || continue; [ -f "$$tmp/$${c##*/}" ] || { echo "$$L/$${c##*/}: committed but no longer generated"; bad=1; }; \
	  done; \
	  if [ $$bad = 0 ]; then echo "$$L: references reproduce within tolerance"; else fail=1; fi; \
	done; exit $$fail
else
grade-check: $(LIB_A) $(GRADETOOL)
	@echo "grade-check: the student edition has no solutions: only the stubs are checked (score 0, no crash)"
	@rm -rf $(GRADE_CHECK_DIR)/stub
	@for L in $(GRADE_LESSONS); do mkdir -p $(GRADE_CHECK_DIR)/stub/$$L; \
	  cp -p $(LESSONS_DIR)/$$L/stub/*.c $(GRADE_CHECK_DIR)/stub/$$L/ 2>/dev/null; done; true
	@$(MAKE) --no-print-directory grade SUBMISSION=$(GRADE_CHECK_DIR)/stub EXPECT=zero \
	  GRADE_WERROR=1 GRADE_REPORT_DIR=$(GRADE_CHECK_DIR)/out-stub
references check-references:
	@echo "$@: skipped: the student edition has no solutions to generate references from"
endif

new-lesson:
	@sh grader/new-lesson.sh "$(NAME)" "$(LESSONS_DIR)" "$(REFERENCE_DIR)"

# A class: one folder per student under SUBMISSIONS, graded in parallel by
# grader/grade-all.sh with the same judges (built once, before any student),
# each into grader/out/class/students/<name>/ (report.txt, results.json,
# junit.xml, points.tsv), then the gradebook grader/out/class/gradebook.csv.
# The sandbox is required (UNSAFE=1 runs without it); unchanged students are
# skipped. GRADE_STUDENT_WALL caps one student's wall-clock time (seconds).
GRADE_CLASS_DIR ?= $(GRADE_REPORT_DIR)/class
GRADE_STUDENT_WALL ?= 900
grade-all:
	@test -n "$(SUBMISSIONS)" || { echo "usage: make grade-all SUBMISSIONS=folder-of-student-folders"; exit 2; }
	@$(MAKE) --no-print-directory -s -j$(GRADE_JOBS) $(LIB_A) $(GRADETOOL) $(if $(CLI_SRC),$(DSPLAB)) \
	  $(foreach L,$(GRADE_ALL_LESSONS),$(JUDGE_ROOT)/$(L)/ready) LESSON=
	@$(GRADETOOL) sandbox --sandbox $(if $(filter 1,$(UNSAFE)),off,require)
	@GRADE_ALL_JUDGES=$(JUDGE_ROOT) GRADE_ALL_LESSONS="$(GRADE_ALL_LESSONS)" \
	  GRADE_ALL_GRADETOOL=$(GRADETOOL) GRADE_ALL_BUILD=$(GRADE_ROOT)/class \
	  GRADE_ALL_LESSONS_DIR=$(LESSONS_DIR) GRADE_ALL_REFERENCE_DIR=$(REFERENCE_DIR) \
	  GRADE_ALL_DATA_DIR=$(GRADE_DATA_DIR) GRADE_ALL_CC="$(CC)" GRADE_ALL_CFLAGS="$(GRADE_CFLAGS)" \
	  GRADE_ALL_LDFLAGS="$(GRADE_LDFLAGS)" GRADE_ALL_LIBS="$(GRADE_WORKER_LIBS)" \
	  GRADE_ALL_SANDBOX=$(if $(filter 1,$(UNSAFE)),off,require) \
	  GRADE_ALL_STUDENT_WALL=$(GRADE_STUDENT_WALL) GRADE_ALL_COMPILE_CPU=$(GRADE_COMPILE_CPU) \
	  GRADE_ALL_COMPILE_WALL=$(GRADE_COMPILE_WALL) NO_COLOR=1 \
	  GRADE_ALL_HIDDEN=$(GRADE_HIDDEN) GRADE_ALL_HIDDEN_DIR=$(HIDDEN_REFERENCE_DIR) \
	  GRADE_ALL_HOSTS="$(HOSTS)" \
	  GRADE_ALL_HIDDEN_VISIBILITY=$(GRADE_HIDDEN_VISIBILITY) \
	  sh grader/grade-all.sh "$(SUBMISSIONS)" "$(GRADE_CLASS_DIR)" "$(GRADE_JOBS)"

# make try: the student's own exercise file, linked with the lesson's
# try.c driver (its "try:" lines name each exercise's file, default sound
# and the student's other files that file calls) and libdsplab, run on a
# sound; the outputs, a WAV when the output is a signal, and figures of
# yours beside the library's go to
# $(GRADE_REPORT_DIR)/try/NN-topic/EXERCISE/. Not the grader: the student's
# code, compiled and run on their own machine, without the sandbox.
SOUND ?=
.PHONY: try
try:
	@test -n "$(ONLY)" || { echo "usage: make try LESSON=NN ONLY=exercise [SOUND=file] [SUBMISSION=dir]"; exit 2; }
	@set -- $(GRADE_LESSONS); test $$# = 1 || { echo "make try: LESSON=$(LESSON) must name one lesson"; exit 2; }
	@$(MAKE) --no-print-directory -s $(LIB_A) $(DSPLAB) $(if $(filter assignments,$(SUBMISSION)),assignments)
	@L=$(GRADE_LESSONS); t=$(LESSONS_DIR)/$$L/try.c; \
	test -f $$t || { echo "make try: lesson $$L has no try.c yet"; exit 2; }; \
	line=$$(sed -n 's/^ \* try: \($(ONLY) .*\)/\1/p' $$t); [ -n "$$line" ] || { \
	  echo "make try: no exercise '$(ONLY)' in $$t; it has:$$(sed -n 's/^ \* try: \([^ ]*\) .*/ \1/p' $$t | tr -d '\n')"; exit 2; }; \
	set -f; set -- $$line; file=$$2; snd="$(SOUND)"; [ -n "$$snd" ] || snd=$(GRADE_DATA_DIR)/$$3; \
	src="$(SUBMISSION)/$$L/$$file"; shift 3; names="$$*"; uses=""; \
	set -- "$$src"; for f in $$names; do set -- "$$@" "$(SUBMISSION)/$$L/$$f"; uses="$$uses $$f"; done; \
	for f in "$$@"; do test -f "$$f" || { echo "make try: $$f: no such file"; exit 2; }; done; \
	test -f "$$snd" || { echo "make try: $$snd: no such sound"; exit 2; }; \
	bin=$(BUILD)/try/$$L/try-$(ONLY); out=$(GRADE_REPORT_DIR)/try/$$L/$(ONLY); \
	mkdir -p $$(dirname $$bin) $$out; \
	$(CC) $(GRADE_CFLAGS) -Ilib/include -I$(LESSONS_DIR) -I$(LESSONS_DIR)/$$L -o $$bin $$t "$$@" \
	  $(LIB_A) $(LIBS_ALL) || { echo "make try: $$src does not compile (make grade says more)"; exit 1; }; \
	echo "your $(ONLY) ($$src$${uses:+, with$$uses}) on $$snd:"; \
	$$bin $(ONLY) "$$snd" $$out $(abspath $(DSPLAB)) && echo "files: $$out/"

# tests/test_pool.c drives the kept sandbox through the grader's own API.
$(BUILD)/tests/test_pool: $(GRADER_A) $(GRADE_ROOT)/launcher
$(BUILD)/tests/test_pool: CFLAGS_ALL += -Igrader
$(BUILD)/tests/test_pool: CUNIT_LIBS += $(GRADER_A) $(LIB_A) $(LIBS_ALL)
