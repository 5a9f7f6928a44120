/**
 * What the clinician (or anything posting as them) sent, quoted back in the bot's own words:
 * "ALP must be a number (got "...")". Teams and Web Chat render the bot's text as markdown (Web
 * Chat with HTML and bare-link detection on), so quoted input must not become a link, an image, a
 * tag or emphasis under the bot's name: markdown's punctuation is backslash-escaped, and so are
 * the colon of a scheme and the dot of a domain, which link detection needs. The escapes render as
 * the characters typed.
 */
export const quotedInput = (raw: string): string =>
  `"${raw.replace(/[\\`*_{}[\]()<>#+!|~@:"]/g, '\\$&').replace(/\.(?=\p{L})/gu, '\\.')}"`;
