package org.rlmworkbench.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * Puts the scheme editor's menus into the window's one menu bar: its File menu becomes Scheme, its
 * Edit menu stays Edit, its View items go to a "Scheme canvas" submenu of View. A shortcut the
 * window already uses (Ctrl+S saves the workspace, Ctrl+0 fits the tree) is taken off the
 * editor's item, so that every key combination does one thing.
 */
final class MenuMerge {
    private MenuMerge() {
    }

    static void into(MenuBar bar, List<Menu> editorMenus) {
        Set<KeyCombination> taken = new HashSet<>();
        items(bar.getMenus()).forEach(i -> {
            if (i.getAccelerator() != null) {
                taken.add(i.getAccelerator());
            }
        });
        for (Menu m : editorMenus) {
            items(List.of(m)).forEach(i -> {
                if (i.getAccelerator() != null && !taken.add(i.getAccelerator())) {
                    i.setAccelerator(null);
                }
            });
        }
        Menu view = bar.getMenus().stream().filter(m -> m.getText().replace("_", "").equals("View")).findFirst()
                .orElse(null);
        int at = 1;
        for (Menu m : editorMenus) {
            String name = m.getText().replace("_", "");
            if (name.equals("View") && view != null) {
                Menu canvas = new Menu("Scheme canvas");
                List<MenuItem> moved = new ArrayList<>(m.getItems());
                m.getItems().clear();
                canvas.getItems().setAll(moved);
                view.getItems().addAll(new SeparatorMenuItem(), canvas);
            } else {
                if (name.equals("File")) {
                    m.setText("_Scheme");
                }
                bar.getMenus().add(Math.min(at++, bar.getMenus().size()), m);
            }
        }
    }

    /** Every item of {@code menus}, submenus included (depth first). */
    static Stream<MenuItem> items(List<Menu> menus) {
        List<MenuItem> out = new ArrayList<>();
        for (Menu m : menus) {
            collect(m, out);
        }
        return out.stream();
    }

    private static void collect(Menu menu, List<MenuItem> out) {
        for (MenuItem i : menu.getItems()) {
            out.add(i);
            if (i instanceof Menu sub) {
                collect(sub, out);
            }
        }
    }
}
