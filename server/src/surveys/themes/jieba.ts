import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | undefined;

/** Loading jieba's dictionary takes about half a second: once per process, on first use (the tagger and the search share it). */
export function sharedJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}
