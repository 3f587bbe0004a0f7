// Reads an iCalendar feed the way a calendar program does: fetches the URL itself (no cookie, only
// what the URL carries), parses it with Mozilla's ical.js and prints one JSON line per event, with
// each start resolved through the feed's own VTIMEZONE. Usage: node read.mjs <url>
import ICAL from "ical.js";

const url = process.argv[2];
const response = await fetch(url, { redirect: "manual" });
if (response.status !== 200) {
  console.error(`${url} answered ${response.status}`);
  process.exit(2);
}

const calendar = new ICAL.Component(ICAL.parse(await response.text()));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}

const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    tzid: event.startDate.zone.tzid,
    start: event.startDate.toString(),
    startUtc: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toString(),
    status: component.getFirstPropertyValue("status"),
    sequence: event.sequence,
  };
});
console.log(JSON.stringify({ calendarName: calendar.getFirstPropertyValue("x-wr-calname"), events }));
