// Moved to http/ so every module can bind file routes; kept for existing imports.
export * from '../../http/file-route'
