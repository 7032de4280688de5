package org.pingppopenapi.spec;

import java.util.List;
import java.util.function.Function;

/** The catalogue of house rules; {@link SpecRules} implements them. */
enum HouseRule {

    OPENAPI_IS_3_0_3("openapi is exactly 3.0.3", SpecRules::openapiIs303),
    ONE_PRODUCTION_SERVER("exactly one server, https://api.pingxx.com", SpecRules::oneProductionServer),
    PATHS_START_WITH_V1("every path starts with /v1/", SpecRules::pathsStartWithV1),
    OPERATION_IDS_UNIQUE_CAMEL_CASE("every operation has a unique camelCase operationId", SpecRules::operationIdsUniqueCamelCase),
    ONE_DECLARED_TAG_PER_OPERATION("every operation has exactly one tag, declared at the top with a description",
            SpecRules::oneDeclaredTagPerOperation),
    SUMMARY_AND_DESCRIPTION("every operation has a non-blank summary and description", SpecRules::summaryAndDescription),
    STANDARD_ERROR_RESPONSES("every operation declares 400/401/402/403/404/500/502/503/504 as $refs to responses carrying Error",
            SpecRules::standardErrorResponses),
    JSON_SUCCESS_RESPONSE("every operation has a 2xx response with an application/json schema", SpecRules::jsonSuccessResponse),
    SUCCESS_RESPONSES_SIGNED("every 2xx response declares X-Pingplusplus-Signature as a $ref to components/headers/ResponseSignature",
            SpecRules::successResponsesDeclareTheSignature),
    INTEGERS_HAVE_FORMAT("every integer schema has format int32 or int64", SpecRules::integersHaveFormat),
    PATTERNS_ANCHORED("every pattern starts with ^ and ends with $", SpecRules::patternsAnchored),
    COMPOSITIONS_HAVE_DISCRIMINATOR("no oneOf/anyOf without a discriminator", SpecRules::compositionsHaveDiscriminator),
    COMPONENTS_REFERENCED("every component is referenced", SpecRules::componentsReferenced),
    INFO_COMPLETE("info has version, description, contact and license", SpecRules::infoComplete),
    MONEY_AND_TIME_ARE_INT64("amount, *_amount, created and time_* properties are integer/int64", SpecRules::moneyAndTimeAreInt64),
    BODIES_HAVE_NAMED_EXAMPLES("every request body and 2xx JSON response has a named example", SpecRules::bodiesHaveNamedExamples),
    EXPANDABLE_FIELDS_WELL_FORMED("x-pingpp-expandable names a schema, on a property with no type or composition",
            SpecRules::expandableFieldsWellFormed);

    private final String description;
    private final Function<SpecDocument, List<Violation>> check;

    HouseRule(String description, Function<SpecDocument, List<Violation>> check) {
        this.description = description;
        this.check = check;
    }

    /** Every breach of this rule in the document; empty when it holds. */
    List<Violation> check(SpecDocument spec) {
        return check.apply(spec);
    }

    @Override
    public String toString() {
        return description;
    }
}
