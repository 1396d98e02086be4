import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'huifang:public';

/** Opts a route out of staff authentication. Every other route needs a valid token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
