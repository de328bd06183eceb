// Test tool: reads articles as JSON Lines on stdin and prints "id<TAB>key" per article, the
// near-duplicate key gazette-index stores. tests/e2e/duplicates_measure.py measures the
// scheme's precision and recall with it.
#include <iostream>
#include <string>

#include "common/article_json.h"
#include "indexer/duplicate_key.h"

int main() {
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.empty())
            continue;
        try {
            gazette::Article a = gazette::article_from_json(line);
            std::cout << a.id << '\t' << gazette::duplicate_key(a) << '\n';
        } catch (const std::exception& e) {
            std::cerr << "duplicate_keys: " << e.what() << "\n";
            return 1;
        }
    }
    return 0;
}
