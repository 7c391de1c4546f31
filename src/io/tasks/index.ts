/** The I/O tasks: each a plain async function plus a TaskDefinition factory for strategies. */
export type { IoTaskOptions } from './options.ts';
export { makeRequest, makeRequestTask } from './make-request.ts';
export { writeGenre, writeGenreTask, genreInputs } from './write-genre.ts';
export type { WriteGenreInput, WrittenGenre } from './write-genre.ts';
export { downloadSite, downloadSiteTask, sessionRequester, siteUrls } from './download-site.ts';
export type { SessionMode } from './download-site.ts';
export { downloadImage, downloadImageTask, listAlbum, imageInputs } from './download-image.ts';
export type { DownloadImageInput, DownloadedImage, AlbumEntry } from './download-image.ts';
