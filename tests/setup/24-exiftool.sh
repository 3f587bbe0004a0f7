# exiftool, a real EXIF/XMP/IPTC reader: the image library's tests write GPS, camera and description
# tags into a photo with it and read the served bytes back with it (issue 29). Installed only when missing.
if ! command -v exiftool >/dev/null 2>&1; then
  echo "Installing Debian's libimage-exiftool-perl for the image tests..."
  if [ -z "${MG_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    export MG_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libimage-exiftool-perl >/dev/null
fi
