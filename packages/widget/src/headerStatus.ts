// The header's status line: what is true right now, from the conversation's status and who is online.
import type { ConversationStatus, VisitorServiceStatus } from '@kefu/sdk';
import type { WidgetStrings } from './widgetStrings';

export interface HeaderStatus {
  text: string;
  /** True when a person can answer now (green dot); false otherwise (grey dot). */
  peopleAvailable: boolean;
}

export function describeHeaderStatus(
  strings: WidgetStrings,
  conversationStatus: ConversationStatus,
  service: VisitorServiceStatus | null,
): HeaderStatus {
  const online = (service?.agentsOnline ?? 0) > 0;
  switch (conversationStatus) {
    case 'assigned':
      return { text: strings.statusAssigned, peopleAvailable: true };
    case 'resolved':
    case 'closed':
      return { text: strings.statusResolved, peopleAvailable: online };
    case 'queued':
      if (!service || online) return { text: strings.statusQueued, peopleAvailable: online };
      return { text: describeAbsence(strings, service, strings.queuedNoAgents), peopleAvailable: false };
    case 'bot':
      if (!service) return { text: strings.statusOnline, peopleAvailable: false };
      if (online) return { text: strings.agentsOnline(service.agentsOnline), peopleAvailable: true };
      return { text: describeAbsence(strings, service, strings.noAgentsOnline), peopleAvailable: false };
  }
}

/** Nobody online: outside business hours, when they are back; otherwise simply that nobody is online. */
function describeAbsence(strings: WidgetStrings, service: VisitorServiceStatus, fallback: string): string {
  if (service.open || !service.nextOpening) return fallback;
  return strings.agentsBackAt(service.nextOpening.localTime, service.nextOpening.daysFromToday);
}
