/**
 * Hosts whose pages lessons may embed (videos by URL and embed blocks). The server refuses any
 * other URL and the Content-Security-Policy only lets these frame in, so the list is the one
 * place to change.
 */
export const videoHosts = {
  youtube: ['www.youtube.com', 'youtube.com', 'youtu.be', 'www.youtube-nocookie.com'],
  vimeo: ['vimeo.com', 'player.vimeo.com'],
} as const;

export const embedHosts = [
  'www.youtube.com',
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'docs.google.com',
  'www.loom.com',
  'www.figma.com',
  'miro.com',
  'forms.office.com',
  'app.powerbi.com',
  'www.slideshare.net',
  'h5p.org',
] as const;

/** Origins the browser may load frames from. */
export const frameOrigins = [...new Set(embedHosts)].map((h) => `https://${h}`);
