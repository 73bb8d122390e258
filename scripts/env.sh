# Sourced by the Makefile's test targets: where the browser drivers are.
export NI_TOOLS="${NI_TOOLS:-$HOME/.local/share/news-infographic/tools}"
export GECKODRIVER_PATH="${GECKODRIVER_PATH:-$NI_TOOLS/bin/geckodriver}"
export CHROMEDRIVER_PATH="${CHROMEDRIVER_PATH:-/usr/bin/chromedriver}"
export WEBKITDRIVER_PATH="${WEBKITDRIVER_PATH:-/usr/bin/WebKitWebDriver}"
