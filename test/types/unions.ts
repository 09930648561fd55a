// Type-level tests, checked by `tsc` (npm run typecheck): the polymorphic bodies must come out of
// the generator as unions a client can narrow. A wrong narrowing must be a type error.
import type { components } from "../../generated/openapi-types";

type Message = components["schemas"]["Message"];
type Assignee = components["schemas"]["ConversationAssignee"];

/** A message sender narrows on `type`: each branch exposes only its own fields. */
export function senderLabel(message: Message): string {
  const sender = message.sender;
  if (!sender) return "system";
  switch (sender.type) {
    case "contact":
      // @ts-expect-error -- contacts have no available_name; only agents (users) do
      void sender.available_name;
      return sender.email ?? sender.phone_number ?? sender.name ?? `contact ${sender.id}`;
    case "user":
      // @ts-expect-error -- agents have no phone_number in a message sender
      void sender.phone_number;
      return sender.available_name;
    case "agent_bot":
      return `${sender.name} (bot)`;
    default: {
      // Every documented sender type is handled: nothing is left here.
      const exhaustive: never = sender;
      return exhaustive;
    }
  }
}

/** An assignment result is an agent, a team or null, told apart by their own fields. */
export function assigneeLabel(assignee: Assignee): string {
  if (assignee === null) return "unassigned";
  // @ts-expect-error -- without narrowing, `email` may not exist (a team has none)
  void assignee.email;
  if ("email" in assignee) return `${assignee.available_name} <${assignee.email}>`;
  // @ts-expect-error -- what is left is a team, which has no role
  void assignee.role;
  return `team ${assignee.name}${assignee.allow_auto_assign ? " (auto-assign)" : ""}`;
}

/** Sender types are literals, so a misspelt one is an error. */
export function isBot(message: Message): boolean {
  // @ts-expect-error -- the type is "agent_bot", not "bot"
  return message.sender?.type === "bot";
}

/** Nullable fields stay `| null`, and the conversation id is a number (the display id). */
export function snoozeEnd(conversation: components["schemas"]["Conversation"]): number {
  // @ts-expect-error -- snoozed_until may be null
  conversation.snoozed_until.length;
  return conversation.snoozed_until === null ? conversation.id : Date.parse(conversation.snoozed_until);
}
