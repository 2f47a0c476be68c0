/**
 * Labels of support payments and their batches in English (docs/support-payments.md).
 * Its shape is the contract for kk.ts and ru.ts beside it (`PaymentMessages`).
 */
export const paymentsEn = {
  app: {
    payments: {
      states: {
        draft: 'Draft',
        approved: 'Approved',
        sent: 'Sent to the bank',
        paid: 'Paid',
        failed: 'Failed at the bank',
        reconciled: 'Reconciled',
        cancelled: 'Cancelled',
      },
      cancel_reasons: {
        prepared_in_error: 'Prepared in error',
        not_eligible: 'The family is not eligible',
        status_ended: 'The status ended (citizenship)',
      },
      cancel: 'Cancel the payment',
      cancel_reason: 'Reason',
      cancelled: 'The payment is cancelled',
      prepared_by_system: 'System (rent instalment)',
      recovery_states: {
        open: 'To be returned',
        recovered: 'Returned',
        waived: 'Waived',
      },
      resolve_recovery: 'Close the recovery',
      recovery_resolved: 'The recovery is closed',
      batch_states: {
        open: 'Open',
        sent: 'Register sent',
        closed: 'Closed',
      },
      approve: 'Approve',
      prepare: 'Prepare a support payment',
      approved: 'The payment is approved',
      register: 'Register (%{format})',
      bank_result: 'Import the bank result',
      bank_result_done: 'Paid: %{paid}, failed: %{failed}, already recorded: %{unchanged}',
      close: 'Close the batch',
    },
  },
  resources: {
    'support-recoveries': {
      name: 'Support to be returned |||| Support to be returned',
      fields: {
        id: 'No.',
        applicationId: 'Family',
        departedOn: 'Left the region on',
        years: 'Obligation, years',
        amountKzt: 'Support paid, ₸',
        state: 'State',
        outcome: 'Outcome',
      },
    },
    'support-payments': {
      name: 'Support payment |||| Support payments',
      fields: {
        type: 'Type of support',
        date: 'Event date',
        price: 'Housing price, ₸',
        id: 'No.',
        applicationId: 'Family',
        applicationNumber: 'Case',
        applicantName: 'Applicant',
        kind: 'Support',
        eventDate: 'Event date',
        state: 'State',
        ruleId: 'Rule',
        unconfirmed: 'Figure unconfirmed',
        mciValue: 'MCI, ₸',
        persons: 'Persons',
        amountMci: 'Amount, MCI',
        monthlyMci: 'MCI a month',
        priceKzt: 'Housing price, ₸',
        amountKzt: 'Amount, ₸',
        batchId: 'Batch',
        preparedBy: 'Prepared by (user No.)',
        approvedBy: 'Approved by (user No.)',
        approvedAt: 'Approved',
        sentAt: 'Sent',
        paidAt: 'Paid',
        bankReference: 'Bank reference',
        failureCode: 'Bank’s reason of failure',
        cancelledAt: 'Cancelled',
        cancelReason: 'Reason of cancellation',
      },
    },
    'payment-batches': {
      name: 'Payment batch |||| Payment batches',
      fields: {
        month: 'Month',
        regionId: 'Region',
        state: 'State',
        count: 'Payments',
        amountKzt: 'Total, ₸',
        states: 'Payments by state',
        sentAt: 'Register taken',
        closedAt: 'Closed',
      },
    },
  },
};

export type PaymentMessages = typeof paymentsEn;
