# deploy/deploy.mk — instructor targets for a class at scale (included by
# the Makefile; deploy/ is not part of the student edition).
#
#   make release OUT=dir        the student edition: no solutions, no hidden tests' data
#   make gradescope             build/gradescope/autograder.zip (deploy/README.md)
#   make container-context      build/container/: podman build context (deploy/Containerfile)

.PHONY: release gradescope

release:
	@test -n "$(OUT)" || { echo "usage: make release OUT=folder"; exit 2; }
	@sh mk/release.sh "$(OUT)"

# Gradescope's autograder: setup.sh, run_autograder, config.sh (LESSON=...
# grades one lesson; empty: all) and dsplab/, the course without solutions
# but with the hidden tests' data. deploy/README.md: the upload step.
GRADESCOPE_DIR := $(BUILD)/gradescope
gradescope:
	@rm -rf $(GRADESCOPE_DIR)/zip $(GRADESCOPE_DIR)/autograder.zip
	@mkdir -p $(GRADESCOPE_DIR)/zip
	@RELEASE_EDITION=grader sh mk/release.sh $(GRADESCOPE_DIR)/zip/dsplab >/dev/null
	@cp deploy/gradescope/setup.sh deploy/gradescope/run_autograder $(GRADESCOPE_DIR)/zip/
	@printf "LESSON='%s'\n" "$(LESSON)" >$(GRADESCOPE_DIR)/zip/config.sh
	@cd $(GRADESCOPE_DIR)/zip && zip -q -r ../autograder.zip setup.sh run_autograder config.sh dsplab
	@echo "gradescope: $(GRADESCOPE_DIR)/autograder.zip$(if $(LESSON), (lesson $(LESSON)),) — upload it as the autograder (deploy/README.md)"

# The container's build context: the Containerfile, the entry script and
# the unpacked autograder (as for Gradescope) in build/container/.
CONTAINER_DIR ?= $(BUILD)/container
.PHONY: container-context
container-context: gradescope
	@rm -rf $(CONTAINER_DIR) && mkdir -p $(CONTAINER_DIR)/grader
	@cd $(CONTAINER_DIR)/grader && unzip -q $(abspath $(GRADESCOPE_DIR))/autograder.zip
	@cp deploy/Containerfile $(CONTAINER_DIR)/Containerfile
	@cp deploy/container/entry.sh $(CONTAINER_DIR)/grader/entry.sh
	@echo "container: context in $(CONTAINER_DIR); podman build -t dsplab-grader $(CONTAINER_DIR)"
