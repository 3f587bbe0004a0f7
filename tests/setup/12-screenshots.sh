# Names the folder where the browser tests leave screenshots and the printed charter (PDF) for
# people to look at. Sourced by tests/run.sh; set SCREENSHOT_DIR yourself to choose another folder.
export SCREENSHOT_DIR="${SCREENSHOT_DIR:-$root/TestResults/screenshots/$(date +%Y%m%d-%H%M%S)}"
echo "Screenshots and the printed charter: $SCREENSHOT_DIR"
