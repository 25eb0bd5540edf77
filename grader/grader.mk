# grader/grader.mk — student and instructor targets (included by the Makefile).
#
#   make grade                  grade assignments/ (stubs are copied in on first use)
#   make grade LESSON=02        one lesson (prefix of the folder name)
#   make grade ONLY=dft         one exercise (the part of a test's name before ':')
#   make grade SUBMISSION=dir   grade dir/NN-topic/*.c instead of assignments/
#   make grade V=1              show details of passing tests too
#   make grade STRICT=1         exit non-zero unless the score is full (CI)
#   make assignments            copy missing stubs into assignments/ (never overwrites)
#   make grade-check            CI: solutions score full marks, stubs score 0 without crashing
#   make references             regenerate data/reference/ from the solutions
#   make check-references       regenerate into a temporary folder and compare
#   make new-lesson NAME=09-topic   scaffold a lesson from grader/template/
#   make grade-all SUBMISSIONS=dir  grade a class (one folder per student)
#
# Per lesson, `make grade` builds $(BUILD)/grade/NN-topic/grade from the
# submission's *.c (a file missing there is taken from the lesson's stub/),
# lessons/NN-topic/suite.c, grader/*.c and libdsplab, only when one of them
# changed. A lesson that does not compile scores 0 and the run goes on.

LESSONS_DIR ?= lessons
REFERENCE_DIR ?= data/reference
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
GRADER_SRC := $(sort $(wildcard grader/*.c))
GRADER_HDR := $(sort $(wildcard grader/*.h))
GRADER_OBJ := $(patsubst grader/%.c,$(GRADE_ROOT)/obj/%.o,$(GRADER_SRC))
GRADER_A := $(GRADE_ROOT)/libgrader.a
GRADETOOL := $(GRADE_ROOT)/gradetool

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
# and stubs. _DEFAULT_SOURCE gives students M_PI.
GRADE_WARN := $(filter-out -Werror,$(WARN)) $(if $(filter 1,$(GRADE_WERROR)),-Werror)
GRADE_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(GRADE_OPT) -g \
               $(GRADE_WARN) $(SANFLAGS) -Igrader -Ilib/include $(PKG_CFLAGS) $(CFLAGS)
GRADE_LIBS = $(GRADER_A) $(LIB_A) $(LIBS_ALL) $(CUNIT_LIBS)

.PHONY: grade grade-build assignments grade-check references check-references new-lesson \
        grade-all grade-tool grade-force

# A student sees the grade report, not compiler command lines (V=1 shows
# them); warnings and errors still reach the terminal.
GRADE_Q := $(if $(filter 1,$(V)),,@)

$(GRADE_ROOT)/obj/%.o: grader/%.c $(GRADER_HDR) $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(GRADE_Q)$(CC) $(CFLAGS_ALL) -Igrader -c $< -o $@

$(GRADER_A): $(GRADER_OBJ)
	@mkdir -p $(@D)
	@rm -f $@ && ar rcs $@ $^

# The summariser: the grader with no suite linked in.
$(GRADETOOL): $(GRADER_A) $(LIB_A)
	$(GRADE_Q)$(CC) $(LDFLAGS_ALL) -o $@ $(GRADE_LIBS)

grade-tool: $(GRADETOOL)
grade-force:

# One lesson's rules. The stamp says "ok" or "failed"; a failed build also
# links suite.c with the stubs (or, if they do not build either, alone, with
# the exercise symbols left unresolved and never called) into `list`, which
# knows the lesson's points for the report. sources.txt changes when the file
# list or flags change, which forces a rebuild.
define GRADE_LESSON_RULES
GRADE_SRC_$(1) := $$(sort $$(wildcard $(SUBMISSION)/$(1)/*.c) $$(addprefix $(LESSONS_DIR)/$(1)/stub/,$$(filter-out $$(notdir $$(wildcard $(SUBMISSION)/$(1)/*.c)),$$(notdir $$(wildcard $(LESSONS_DIR)/$(1)/stub/*.c)))))
$(GRADE_DIR)/$(1)/sources.txt: grade-force
	@mkdir -p $$(@D)
	@echo '$$(GRADE_SRC_$(1)) | $$(GRADE_CFLAGS)' | cmp -s - $$@ 2>/dev/null || \
	  echo '$$(GRADE_SRC_$(1)) | $$(GRADE_CFLAGS)' > $$@
$(GRADE_DIR)/$(1)/grade.stamp: $(GRADE_DIR)/$(1)/sources.txt $$(GRADE_SRC_$(1)) \
  $$(wildcard $(SUBMISSION)/$(1)/*.h $(LESSONS_DIR)/$(1)/*.h $(LESSONS_DIR)/$(1)/suite.c) \
  $(GRADER_A) $(LIB_A)
	@rm -f $$(@D)/grade $$(@D)/list $$@
	@if $$(CC) $$(GRADE_CFLAGS) -I$(LESSONS_DIR)/$(1) -o $$(@D)/grade $$(GRADE_SRC_$(1)) \
	     $(LESSONS_DIR)/$(1)/suite.c $$(GRADE_LIBS) >$$(@D)/build.log 2>&1; then \
	  echo ok >$$@; \
	else \
	  $$(CC) $$(GRADE_CFLAGS) -I$(LESSONS_DIR)/$(1) -o $$(@D)/list $(LESSONS_DIR)/$(1)/suite.c \
	     $$(wildcard $(LESSONS_DIR)/$(1)/stub/*.c) $$(GRADE_LIBS) >/dev/null 2>&1 || \
	  $$(CC) $$(GRADE_CFLAGS) -I$(LESSONS_DIR)/$(1) -no-pie -o $$(@D)/list $(LESSONS_DIR)/$(1)/suite.c \
	     -Wl,--unresolved-symbols=ignore-all $$(GRADE_LIBS) >/dev/null 2>&1 || rm -f $$(@D)/list; \
	  echo failed >$$@; \
	fi
$(GRADE_REFGEN)/$(1)/refgen: $(LESSONS_DIR)/$(1)/refgen.c $$(wildcard $(LESSONS_DIR)/$(1)/solution/*.c $(LESSONS_DIR)/$(1)/*.h) grader/refgen.h $(LIB_A)
	@mkdir -p $$(@D)
	$$(CC) $$(GRADE_CFLAGS) -Werror -I$(LESSONS_DIR)/$(1) -o $$@ $(LESSONS_DIR)/$(1)/refgen.c \
	  $$(wildcard $(LESSONS_DIR)/$(1)/solution/*.c) $(LIB_A) $$(LIBS_ALL)
endef
$(foreach L,$(GRADE_LESSONS),$(eval $(call GRADE_LESSON_RULES,$(L))))

grade-build: $(foreach L,$(GRADE_LESSONS),$(GRADE_DIR)/$(L)/grade.stamp)

assignments:
	@for L in $(GRADE_ALL_LESSONS); do \
	  for f in $(LESSONS_DIR)/$$L/stub/*.c $(LESSONS_DIR)/$$L/stub/*.h; do \
	    [ -f "$$f" ] || continue; t=assignments/$$L/$${f##*/}; \
	    [ -e "$$t" ] || { mkdir -p assignments/$$L && cp "$$f" "$$t" && echo "created $$t from the stub"; }; \
	  done; \
	done

# Builds in parallel (a sub-make, unless make already runs with -j), then runs
# each lesson in order and summarises. The exit status is the summary's.
# The library and the grader tool are built by a quiet sub-make, so even a
# first `make grade` before `make` shows only the report (errors and warnings
# still show).
grade: $(if $(filter assignments,$(SUBMISSION)),assignments)
	@test -n "$(GRADE_LESSONS)" || { echo "no lesson matches LESSON=$(LESSON) in $(LESSONS_DIR)/"; exit 2; }
	@test -d "$(SUBMISSION)" || { echo "SUBMISSION=$(SUBMISSION): no such folder"; exit 2; }
	@case "$$MAKEFLAGS" in *jobserver*) j= ;; *) j=-j$(GRADE_JOBS) ;; esac; \
	  $(MAKE) --no-print-directory -s $$j $(LIB_A) $(GRADETOOL) && \
	  $(MAKE) --no-print-directory $$j grade-build
	@start=$$(date +%s.%N); mkdir -p $(GRADE_REPORT_DIR); frags=; \
	for L in $(GRADE_LESSONS); do \
	  d=$(GRADE_DIR)/$$L; f=$$d/result.txt; rm -f $$f; \
	  if [ "$$(cat $$d/grade.stamp 2>/dev/null)" = ok ]; then \
	    $$d/grade run --lesson $$L --out $$f --only '$(ONLY)' $(if $(filter 1,$(V)),-v) \
	      --ref-dir $(REFERENCE_DIR) --data-dir $(GRADE_DATA_DIR); rc=$$?; \
	    [ $$rc = 0 ] || echo "$$L: the grading program exited with status $$rc"; \
	    [ -f $$f ] || { echo "$$L: the grader stopped before the end (status $$rc)"; \
	                    printf 'lesson\t%s\t0\n' $$L >$$f; }; \
	  else \
	    t=$(GRADETOOL); [ -x $$d/list ] && t=$$d/list; \
	    $$t buildfail --lesson $$L --log $$d/build.log --out $$f --only '$(ONLY)' || \
	      $(GRADETOOL) buildfail --lesson $$L --log $$d/build.log --out $$f --only '$(ONLY)'; \
	    [ -f $$f ] || printf 'lesson\t%s\t0\n' $$L >$$f; \
	  fi; \
	  frags="$$frags $$f"; \
	done; \
	$(GRADETOOL) summarize --start $$start --only '$(ONLY)' \
	  --json $(GRADE_REPORT_DIR)/results.json --junit $(GRADE_REPORT_DIR)/junit.xml \
	  --points $(GRADE_REPORT_DIR)/points.tsv \
	  $(if $(filter 1,$(STRICT)),--strict) $(if $(filter zero,$(EXPECT)),--expect-zero) $$frags

# CI: every lesson's solution/ scores full marks and its stub/ scores 0
# without a crash, both compiled with -Werror. The copies keep their times
# (cp -p), so an unchanged lesson is not rebuilt.
GRADE_CHECK_DIR := $(GRADE_ROOT)/check
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

new-lesson:
	@sh grader/new-lesson.sh "$(NAME)" "$(LESSONS_DIR)" "$(REFERENCE_DIR)"

# A class: one folder per student under SUBMISSIONS, graded in parallel, each
# into grader/out/class/<student>/ (report.txt, results.json), then the
# gradebook grader/out/class/gradebook.csv. Unchanged folders are skipped.
GRADE_CLASS_DIR ?= $(GRADE_REPORT_DIR)/class
grade-all: $(LIB_A) $(GRADETOOL)
	@test -n "$(SUBMISSIONS)" || { echo "usage: make grade-all SUBMISSIONS=folder-of-student-folders"; exit 2; }
	@sh grader/grade-all.sh "$(SUBMISSIONS)" "$(GRADE_CLASS_DIR)" "$(GRADE_JOBS)" \
	  "$(LESSONS_DIR)" "$(REFERENCE_DIR)" "$(GRADE_ALL_LESSONS)" \
	  $(MAKE) BUILD=$(BUILD) SAN=$(SAN) LESSONS_DIR=$(LESSONS_DIR) REFERENCE_DIR=$(REFERENCE_DIR)
