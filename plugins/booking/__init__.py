"""The booking plugin: resources of each site, their availability, bookings, holds and calendars."""
