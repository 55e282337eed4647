package nl.klaspoort.contract.internal;

import nl.klaspoort.platform.ErrorCode;

/** The error codes of contracts and licences ({@code extend enum ErrorCode} in {@code contracts.graphqls}). */
public enum ContractError implements ErrorCode {
    /** The school has no running contract for the product ({@code product}). */
    NO_RUNNING_CONTRACT,
    /** Fewer free licences than needed ({@code free}, {@code seats}, {@code needed}, {@code product}). */
    NOT_ENOUGH_LICENCES,
    /** The contract has ended: its licences cannot change any more ({@code date}). */
    CONTRACT_ENDED,
    /** The end date has come: the ending can no longer be cancelled ({@code date}). */
    ENDING_PASSED
}
