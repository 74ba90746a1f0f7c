#pragma once
// Where the before/after divider of a split view sits, as a fraction of the view width,
// so that it stays put while the picture is zoomed and panned underneath it.
namespace rdbm::widgets {

class SplitDivider {
public:
    explicit SplitDivider(double fraction = 0.5) { setFraction(fraction); }

    double fraction() const { return fraction_; }
    void setFraction(double f); // clamped to [0, 1]

    // The divider's x in a view of the given width, and back (clamped to the view).
    double xIn(double width) const { return fraction_ * width; }
    void setFromX(double x, double width);
    // Whether x is close enough to the divider to grab it.
    bool hit(double x, double width, double tolerance) const;
    void stepBy(double deltaFraction) { setFraction(fraction_ + deltaFraction); }

private:
    double fraction_ = 0.5;
};

} // namespace rdbm::widgets
