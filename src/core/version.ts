// Bump when analysis output changes: caches keyed on it are then invalidated.
export const ENGINE_NAME = 'news-lens';
export const ENGINE_VERSION = '0.1.0';
