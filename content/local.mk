# content/: the course, installed under $(pkgdatadir)/content. Every file is listed
# here (tests/content-listed.sh fails when one is missing from this list).
nobase_dist_pkgdata_DATA = \
	content/course.index \
	content/examples/neuron.lesson \
	content/examples/platform.lesson \
	content/examples/race.lesson \
	content/examples/views.lesson \
	content/lab/lab.lesson \
	content/level1/activation.lesson \
	content/level1/crowd.lesson \
	content/level1/flow.lesson \
	content/level1/neuron.lesson \
	content/level2/init.lesson \
	content/level2/layers.lesson \
	content/level2/relay.lesson \
	content/level2/review.lesson \
	content/level2/solvexor.lesson \
	content/level2/xor.lesson \
	content/level3/backprop.lesson \
	content/level3/brain.lesson \
	content/level3/descent.lesson \
	content/level3/review.lesson \
	content/level3/sequences.lesson \
	content/level3/softmax.lesson \
	content/level3/vanish.lesson \
	content/level4/autoenc.lesson \
	content/level4/deep.lesson \
	content/level4/embed.lesson \
	content/level4/flow.lesson \
	content/level4/generalize.lesson \
	content/level4/landscape.lesson \
	content/level4/memory.lesson \
	content/level4/vae.lesson \
	content/level4/vision.lesson
