## Skill names that differ between languages; any other skill shows its stored name.

skill-accessibility = Accessibility
skill-data-modelling = Data modelling
skill-manual-testing = Manual testing
skill-networking = Networking
skill-penetration-testing = Penetration testing
skill-rest-apis = REST APIs
skill-statistics = Statistics
skill-test-automation = Test automation
skill-unit-testing = Unit testing
