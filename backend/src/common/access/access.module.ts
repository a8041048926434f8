import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';

/**
 * The access policy, for every module. Global because every module asks it and it depends on nothing:
 * it decides from the user and the record the caller has loaded, and reads no table itself.
 */
@Global()
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
