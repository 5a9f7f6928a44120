/** How the bot appears in local Direct Line conversations (Azure uses the bot's handle). */
export const LOCAL_BOT_ACCOUNT = { id: 'alp-workup-bot', name: 'ALP Workup', role: 'bot' } as const;

/** Local Direct Line tokens live as long as an idle conversation. */
export const LOCAL_TOKEN_LIFETIME_SECONDS = 3600;
