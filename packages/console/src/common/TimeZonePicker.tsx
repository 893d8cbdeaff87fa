import { timeZoneOffsetMinutes } from '@kefu/sdk';
import { Select } from 'antd';
import { useMemo } from 'react';

/** Zones for settings saved with only an offset: the usual zone of that offset, so the picker shows a name. */
const zoneByOffsetMinutes: Record<number, string> = {
  480: 'Asia/Shanghai',
  540: 'Asia/Tokyo',
  420: 'Asia/Bangkok',
  330: 'Asia/Kolkata',
  0: 'Europe/London',
  60: 'Europe/Berlin',
  [-300]: 'America/New_York',
  [-480]: 'America/Los_Angeles',
};

/** The shop's time zone chosen by its IANA name (Asia/Shanghai), with its current UTC offset beside it. */
export function TimeZonePicker({
  timeZone,
  utcOffsetMinutes,
  onChange,
  ariaLabel,
}: {
  timeZone: string | undefined;
  utcOffsetMinutes: number;
  onChange(change: { timeZone: string; utcOffsetMinutes: number }): void;
  ariaLabel: string;
}) {
  const options = useMemo(
    () =>
      Intl.supportedValuesOf('timeZone').map((zone) => ({
        value: zone,
        label: `${zone} (${formatOffset(offsetMinutesNow(zone))})`,
      })),
    [],
  );
  const value = timeZone ?? zoneByOffsetMinutes[utcOffsetMinutes] ?? 'Asia/Shanghai';
  return (
    <Select<string>
      showSearch
      aria-label={ariaLabel}
      value={value}
      style={{ width: 280 }}
      optionFilterProp="label"
      onChange={(zone) => onChange({ timeZone: zone, utcOffsetMinutes: offsetMinutesNow(zone) })}
      options={options}
    />
  );
}

function offsetMinutesNow(zone: string): number {
  return timeZoneOffsetMinutes(zone, new Date());
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `UTC${sign}${hours}:${String(absolute % 60).padStart(2, '0')}`;
}
