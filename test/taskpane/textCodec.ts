/**
 * jsdom has no TextDecoder / TextEncoder (every browser the page runs in has): imported first by
 * the page tests whose modules make a decoder as they load (the package reader does).
 */
import { TextDecoder, TextEncoder } from 'util';

Object.assign(globalThis, { TextDecoder, TextEncoder });
