import ical from 'ical-generator';

interface Milestone {
  id: unknown;
  title: unknown;
  dueDate: unknown;
  kind: unknown;
  countryNameEn: unknown;
  notifyBy: string;
}

/** The calendar as an iCalendar (RFC 5545) file: one all-day event per milestone. Pure. */
export function calendarIcs(items: Milestone[], host: string): string {
  const cal = ical({ name: 'devcoop — UN and DWCP process calendar', prodId: { company: 'devcoop', product: 'calendar', language: 'EN' } });
  for (const m of items) {
    const day = new Date(`${String(m.dueDate)}T00:00:00Z`);
    cal.createEvent({
      id: `${String(m.id)}@${host}`,
      start: day,
      allDay: true,
      summary: `${String(m.countryNameEn)}: ${String(m.title)}`,
      description: `${String(m.kind)} — constituents to be informed by ${m.notifyBy}`,
    });
  }
  return cal.toString();
}
