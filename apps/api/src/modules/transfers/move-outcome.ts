import type { FastifyReply } from 'fastify';
import type { TransferRequestView } from './transfer-requests.repository';
import type { MoveOutcome } from './transfer-requests.service';

/** A move done answers 200 with what moved; a move asked of the receiving region 202 with the transfer request. */
export function answerMove<T>(reply: FastifyReply, outcome: MoveOutcome<T>): T | TransferRequestView {
  if ('requested' in outcome) {
    void reply.status(202);
    return outcome.requested;
  }
  return outcome.done;
}
