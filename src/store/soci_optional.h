#pragma once
// std::optional<T> as a nullable column for SOCI 4.0, which only knows
// boost::optional: an empty optional binds NULL and a NULL reads back empty
// (HOUSE-STYLE 9: std::optional for NULL, no indicators in repository code).
//
// Thread affinity: none (a type trait).
#include <optional>
#include <soci/type-conversion-traits.h>

namespace soci {

template <typename T> struct type_conversion<std::optional<T>> {
    using base_type = typename type_conversion<T>::base_type;

    static void from_base(const base_type& in, indicator ind, std::optional<T>& out) {
        if (ind == i_null) {
            out.reset();
            return;
        }
        T value{};
        type_conversion<T>::from_base(in, ind, value);
        out = std::move(value);
    }

    static void to_base(const std::optional<T>& in, base_type& out, indicator& ind) {
        if (!in) {
            ind = i_null;
            return;
        }
        type_conversion<T>::to_base(*in, out, ind);
    }
};

} // namespace soci
