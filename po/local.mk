# po/local.mk: the compiled catalogs laid out as a locale directory inside the build
# tree, so ./src/neuronauts speaks the learner's language before it is installed.
all-local: po-build-locale
po-build-locale:
	@for lang in `sed -e 's/#.*//' $(srcdir)/po/LINGUAS`; do \
	  gmo=$(srcdir)/po/$$lang.gmo; test -f $$gmo || gmo=po/$$lang.gmo; \
	  if test -f $$gmo; then \
	    $(MKDIR_P) po/locale/$$lang/LC_MESSAGES && \
	    cp $$gmo po/locale/$$lang/LC_MESSAGES/$(PACKAGE).mo; \
	  fi; \
	done
clean-local: po-clean-locale
po-clean-locale:
	rm -rf po/locale
.PHONY: po-build-locale po-clean-locale
