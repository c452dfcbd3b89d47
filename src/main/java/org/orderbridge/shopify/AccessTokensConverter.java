package org.orderbridge.shopify;

import org.springframework.core.convert.converter.Converter;

class AccessTokensConverter implements Converter<String, AccessTokens> {

    @Override
    public AccessTokens convert(String source) {
        return AccessTokens.parse(source);
    }
}
