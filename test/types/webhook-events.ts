// Type-level tests for webhook payloads, checked by `tsc`: a receiver narrows WebhookEvent on
// `event` and gets the fields of that one event; using another event's fields must not compile.
import type { components } from "../../generated/openapi-types";

type WebhookEvent = components["schemas"]["WebhookEvent"];

export function describeEvent(payload: WebhookEvent): string {
  switch (payload.event) {
    case "message_created":
    case "message_updated": {
      // message_type is a word in webhook payloads, not the REST number.
      const kind: "incoming" | "outgoing" | "activity" | "template" = payload.message_type;
      // @ts-expect-error -- created_at is an ISO string in message events, not Unix seconds
      const seconds: number = payload.created_at;
      void seconds;
      return `${kind} message ${payload.id} in conversation ${payload.conversation.id}`;
    }
    case "conversation_status_changed":
      return `conversation ${payload.id} is ${payload.status}; ${payload.changed_attributes?.length ?? 0} change(s)`;
    case "contact_updated":
      return `contact ${payload.id}: ${Object.keys(payload.changed_attributes[0]).join(", ")}`;
    case "conversation_typing_on":
      // @ts-expect-error -- typing events carry the conversation under `conversation`, not at the top
      return `typing in ${payload.status}`;
    case "contact_created":
      // @ts-expect-error -- contact_created has no changed_attributes (only contact_updated does)
      return String(payload.changed_attributes);
    default:
      return payload.event;
  }
}

export function wrongNarrowing(payload: WebhookEvent): void {
  if (payload.event === "inbox_created") {
    // @ts-expect-error -- an inbox event has no message_type
    void payload.message_type;
  }
  // @ts-expect-error -- not an event Ndoto sends
  if (payload.event === "message_deleted") return;
}
