# `make loadtest` runs Locust, pinned below, through uv in an environment of its own:
# the load generator shares no library with the app it measures, and `make install`
# does not install it (uv downloads it once, the first time, into its cache).
LOCUST_VERSION := 2.47.0
URL ?= http://$(HOST):$(PORT)
DURATION ?= 10
USERS ?= 10

.PHONY: loadtest
loadtest: $(UV) ## Load-test a running server (make run): URL, DURATION=10 seconds, USERS=10
	@$(UV) tool run --quiet --from locust==$(LOCUST_VERSION) locust --locustfile locustfile.py \
		--headless --only-summary --loglevel WARNING --host $(URL) \
		--users $(USERS) --spawn-rate $(USERS) --run-time $(DURATION)s --stop-timeout 5
