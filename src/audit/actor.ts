/** How audit events and limits name a Slack user: `slack:<team>:<user>`. */
export function slackActor(who: { teamId: string; userId: string }): string {
  return `slack:${who.teamId}:${who.userId}`;
}
