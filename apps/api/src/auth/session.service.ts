import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LoginService } from '@safety/application';
import { meView } from './auth.schemas';

/** A login as the API answers it: the checked credentials turned into a signed bearer token. */
@Injectable()
export class SessionService {
  constructor(
    private readonly logins: LoginService,
    private readonly jwt: JwtService,
  ) {}

  async login(credentials: { username: string; password: string }, address: string, requestId?: string) {
    const actor = await this.logins.login(credentials.username, credentials.password, address, requestId);
    const accessToken = await this.jwt.signAsync({ sub: actor.userId });
    return { accessToken, tokenType: 'Bearer' as const, user: meView(actor) };
  }
}
