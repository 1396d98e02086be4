import { Global, Module } from '@nestjs/common';
import { ReadCache } from './read-cache';
import { WriteTransaction } from './write-transaction';

@Global()
@Module({ providers: [WriteTransaction, ReadCache], exports: [WriteTransaction, ReadCache] })
export class WriteTransactionModule {}
