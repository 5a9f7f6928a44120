/** The smallest activity a CloudAdapter turn accepts, asking for the replies in the HTTP response. */
export function expectRepliesActivity(conversationId: string, userId: string, text: string): string {
  return JSON.stringify({
    type: 'message',
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: userId, name: 'Bench clinician' },
    recipient: { id: 'alp-workup-bot', name: 'ALP Workup' },
    text,
    locale: 'en-US',
  });
}
